"""Identity hints (usernames, e-mail addresses, client ids, tenant ids, role ARNs, AppRole role ids) are never
secrets: they survive extraction on realistic, non-placeholder domains and reach the credential <-> identity
join (issue 9 section 3)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor.extract.identifiers import identity_hint_kind
from auditor.inventory import connection, resolve_hints
from auditor.model import Agent, Identity, Platform, Snapshot
from auditor.resolve import resolve

ENV = """\
SF_USERNAME=integration.salesops@acme-demo.com
SF_PASSWORD=Winter2026!Salesops
SF_LOGIN_URL=https://login.salesforce.com
AZURE_CLIENT_ID=3f2a9c41-7d8e-4b6a-9e21-5c0d8f7a1b23
AZURE_TENANT_ID=northwind-traders.onmicrosoft.com
AZURE_CLIENT_SECRET=Qx78Q~kP2mZrT4vLw9NbYc3Hd.Aa1Bb2Cc3Dd4
AWS_ROLE_ARN=arn:aws:iam::418273645091:role/salesops-bot
VAULT_ADDR=https://vault.corp.northwind-traders.com:8200
VAULT_ROLE_ID=8c1d4e7f-2a3b-4c5d-9e8f-0a1b2c3d4e5f
"""


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Agent:
    root: Path = tmp_path_factory.mktemp("hints")
    bot = root / "salesops-bot"
    bot.mkdir()
    (bot / ".env").write_text(ENV)
    (bot / "manifest.yaml").write_text(
        "display_information:\n  name: SalesOps\nfeatures:\n  bot_user:\n    display_name: salesops\n"
        "oauth_config:\n  scopes:\n    bot: [chat:write]\n"
    )
    result = run(ScanOptions(paths=(root,)))
    (found,) = [a for a in result.agents if a.name == "salesops-bot"]
    return found


def test_username_on_a_real_domain_is_kept_and_becomes_the_salesforce_hint(agent: Agent) -> None:
    settings = {s.key: s.value for s in agent.settings}
    assert settings["SF_USERNAME"] == "integration.salesops@acme-demo.com"
    sf = connection(agent, Platform.SALESFORCE)
    assert sf is not None and sf.identity_hint == "integration.salesops@acme-demo.com"
    # The password is still a secret: never kept as a setting value.
    assert settings["SF_PASSWORD"] == ""
    assert settings["AZURE_CLIENT_SECRET"] == ""


def test_every_identity_hint_reaches_the_collectors(agent: Agent) -> None:
    hints = resolve_hints([agent])
    assert "integration.salesops@acme-demo.com" in hints[Platform.SALESFORCE]
    assert "3f2a9c41-7d8e-4b6a-9e21-5c0d8f7a1b23" in hints[Platform.ENTRA]
    assert "arn:aws:iam::418273645091:role/salesops-bot" in hints[Platform.AWS]
    assert "8c1d4e7f-2a3b-4c5d-9e8f-0a1b2c3d4e5f" in hints[Platform.VAULT]


def test_the_username_joins_the_platform_identity(agent: Agent) -> None:
    user = Identity(
        Platform.SALESFORCE,
        id="005Hs00000AbCdEIAV",
        name="integration.salesops@acme-demo.com",
        kind="user",
        aliases=("integration.salesops@acme-demo.com", "005Hs00000AbCdEIAV"),
    )
    snap = Snapshot(Platform.SALESFORCE, datetime(2026, 11, 1, tzinfo=UTC), "test", identities=(user,))
    (link,) = resolve([agent], {Platform.SALESFORCE: snap})
    assert link.identity_id == "005Hs00000AbCdEIAV" and link.via == "identity hint"


@pytest.mark.parametrize(
    ("key", "value", "kind"),
    [
        ("SF_USERNAME", "integration.salesops@acme-demo.com", "user"),
        ("salesforce.username", "svc-sync@northwind-traders.com", "user"),
        ("spring.security.oauth2.client.registration.sf.client-id", "3MVG9" + "A2kN8vQ_x7" * 8, "client_id"),
        ("MicrosoftAppId", "3f2a9c41-7d8e-4b6a-9e21-5c0d8f7a1b23", "client_id"),
        ("clientId", "3f2a9c41-7d8e-4b6a-9e21-5c0d8f7a1b23", "client_id"),
        ("GITHUB_APP_CLIENT_ID", "Iv23liQmX8kP4rZ2wN7c", "client_id"),
        ("tenantId", "northwind-traders.onmicrosoft.com", "tenant"),
        ("role-to-assume", "arn:aws:iam::418273645091:role/gh-deploy", "role_arn"),
        ("AWS_ROLE_ARN", "arn:aws:iam::418273645091:role/salesops-bot", "role_arn"),
        ("role_id", "8c1d4e7f-2a3b-4c5d-9e8f-0a1b2c3d4e5f", "role_id"),
    ],
)
def test_identity_hint_shapes(key: str, value: str, kind: str) -> None:
    assert identity_hint_kind(key, value) == kind


@pytest.mark.parametrize(
    ("key", "value"),
    [
        # The key names an identity but the value has a secret's shape: judged like any other value.
        ("username", "Xk9mQ2pLr7Tz4Wv8Bn3Hc"),
        ("client_id", "x8KpQ2mZrT4vLw9NbYc3Hd!#"),
        ("role_arn", "arn:aws:secretsmanager:eu-west-1:418273645091:secret:bot"),
        # The value is an address but the key names a secret.
        ("SF_PASSWORD", "integration.salesops@acme-demo.com"),
        ("client_secret", "3f2a9c41-7d8e-4b6a-9e21-5c0d8f7a1b23"),
        ("secret_id", "8c1d4e7f-2a3b-4c5d-9e8f-0a1b2c3d4e5f"),
    ],
)
def test_not_identity_hints(key: str, value: str) -> None:
    assert identity_hint_kind(key, value) is None
