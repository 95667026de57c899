"""The HR bot's Graph client: one app-only token for every Teams user who asks."""
import os

import msal

AUTHORITY = "https://login.microsoftonline.com/" + os.environ["AZURE_TENANT_ID"]
app = msal.ConfidentialClientApplication(
    os.environ["AZURE_CLIENT_ID"], authority=AUTHORITY, client_credential=os.environ["AZURE_CLIENT_SECRET"]
)


def graph_token() -> str:
    result = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
    return result["access_token"]
