import os

import msal
import requests

AUTHORITY = "https://login.microsoftonline.com/" + os.environ["TENANT_ID"]
cca = msal.ConfidentialClientApplication(
    os.environ["CLIENT_ID"], authority=AUTHORITY, client_credential=os.environ["CLIENT_SECRET"]
)


def _token() -> str:
    return cca.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])["access_token"]


def user_manager(name: str) -> str:
    headers = {"Authorization": "Bearer " + _token()}
    r = requests.get(f"https://graph.microsoft.com/v1.0/users/{name}/manager", headers=headers, timeout=10)
    return r.json().get("displayName", "?")
