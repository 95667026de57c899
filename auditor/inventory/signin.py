"""Whether an agent signs its users in, and whether it calls Entra as the app itself.

Read from the settings extraction records (configuration keys and `code.*` evidence): the inventory uses
them to name a bot's auth model, and the delegation rules (BA-108, BA-508) to decide whether the app's own
reach is what its users get. One definition for both, so the inventory and the rules cannot disagree.
"""

from __future__ import annotations

import re

from auditor.model import Agent, Location

__all__ = ["calls_entra_as_itself", "sign_in_location", "signs_users_in", "takes_model_tokens"]

# An Entra app identity calling an API as itself: MSAL's client-credential calls, a confidential client, a
# certificate credential, or a Graph URL in the agent's configuration. A Bot Framework bot's app id and
# password alone authenticate it to the Bot Connector; what else they reach depends on what the app
# registration is granted.
_ENTRA_APP_CALLS = frozenset(
    {"code.msal.client_credential", "code.msal.confidential_client", "code.msal.certificate"}
)
# The bot signs its users in (an OAuth connection of the Azure Bot resource, OAuthPrompt, the user token
# API): it holds per-user tokens for the calls made for them. The setting's whole name says so
# (`ConnectionName`, `OAUTH_CONNECTION_NAME`, `AzureBotOAuthConnectionName`, `...__OBOCONNECTIONNAME`): the
# words before `connection name` are only these. A connection of another service (`BING_CONNECTION_NAME`, an
# AI Foundry project's Bing grounding connection; `AZURE_SEARCH_CONNECTION_NAME`) signs nobody in.
_CONNECTION_NAME = re.compile(r"(?i)connection[_-]?name$")
_SIGN_IN_WORDS = ("azure", "bot", "oauth", "obo", "sso", "auth", "user", "graph", "teams", "aad", "entra")


def user_sign_in_key(key: str) -> bool:
    """Whether a setting's name is a bot's OAuth connection name (see above)."""
    segment = re.split(r"\.|__", key)[-1]
    m = _CONNECTION_NAME.search(segment)
    if m is None:
        return False
    prefix = segment[: m.start()].lower().replace("_", "").replace("-", "")
    if len(prefix) > 40:
        return False
    # Whether the prefix is a run of sign-in words: reachable[i] says its first i letters are.
    reachable = [True] + [False] * len(prefix)
    for i in range(len(prefix)):
        if reachable[i]:
            for word in _SIGN_IN_WORDS:
                if prefix.startswith(word, i):
                    reachable[i + len(word)] = True
    return reachable[len(prefix)]


def calls_entra_as_itself(agent: Agent) -> bool:
    """Whether the agent calls Entra as the app itself (BA-108, BA-508)."""
    return any(
        st.key in _ENTRA_APP_CALLS or "graph.microsoft.com" in st.value.lower() for st in agent.settings
    )


def takes_model_tokens(agent: Agent) -> bool:
    """Whether the agent's Entra identity is seen taking tokens for Azure OpenAI (a bearer token provider in
    place of an API key: the model service's recommended keyless set-up)."""
    return any(st.key == _MODEL_TOKENS for st in agent.settings)


_MODEL_TOKENS = "code.openai.entra_token"  # extract/vocabulary.py


def sign_in_location(agent: Agent) -> Location | None:
    """Where the agent signs its users in for per-user tokens (the first such setting or call), if it does."""
    for st in agent.settings:
        if st.key == "code.botframework.user_token" or user_sign_in_key(st.key):
            return st.location
    for hint in agent.hints:
        # A Microsoft 365 Agents SDK user authorization handler (extract/manifests.py agents_sdk_hint).
        if hint.kind == "bot_framework" and hint.details.get("user_sign_in"):
            return hint.location
    return None


def signs_users_in(agent: Agent) -> bool:
    """Whether the agent signs its users in for per-user tokens (BA-108, BA-508)."""
    return sign_in_location(agent) is not None
