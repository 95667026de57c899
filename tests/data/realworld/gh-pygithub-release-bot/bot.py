"""Release-notes bot: when a release is drafted, fills its body from the merged pull requests."""

import hmac
import os
from hashlib import sha256

from flask import Flask, abort, request
from github import Auth, GithubIntegration

APP_ID = int(os.environ["RELEASE_BOT_APP_ID"])
with open(os.environ.get("RELEASE_BOT_KEY_FILE", "/run/secrets/release-bot.pem"), encoding="ascii") as fh:
    PRIVATE_KEY = fh.read()
WEBHOOK_SECRET = os.environ["RELEASE_BOT_WEBHOOK_SECRET"].encode()

integration = GithubIntegration(auth=Auth.AppAuth(APP_ID, PRIVATE_KEY))
web = Flask(__name__)


def _verified() -> bool:
    sent = request.headers.get("X-Hub-Signature-256", "")
    mac = hmac.new(WEBHOOK_SECRET, request.get_data(), sha256).hexdigest()
    return hmac.compare_digest(sent, f"sha256={mac}")


@web.post("/webhook")
def webhook():
    if not _verified():
        abort(401)
    event = request.get_json()
    if request.headers.get("X-GitHub-Event") != "release" or event.get("action") != "created":
        return "", 204
    owner, repo = event["repository"]["full_name"].split("/")
    gh = integration.get_repo_installation(owner, repo).get_github_for_installation()
    repository = gh.get_repo(f"{owner}/{repo}")
    merged = repository.get_pulls(state="closed", sort="updated", direction="desc")
    lines = [f"- {pr.title} (#{pr.number})" for pr in merged[:50] if pr.merged_at]
    repository.get_release(event["release"]["id"]).update_release(
        name=event["release"]["name"], message="\n".join(lines)
    )
    return "", 204
