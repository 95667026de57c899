import os

from azure.identity.aio import AzureDeveloperCliCredential, ChainedTokenCredential, ManagedIdentityCredential
from azure.identity.aio import get_bearer_token_provider
from openai import AsyncAzureOpenAI


async def make_client() -> AsyncAzureOpenAI:
    # In Azure Container Apps the app's user-assigned identity; on a laptop, whoever ran `azd auth login`.
    credential = ChainedTokenCredential(
        ManagedIdentityCredential(client_id=os.environ["AZURE_CLIENT_ID"]),
        AzureDeveloperCliCredential(tenant_id=os.getenv("AZURE_TENANT_ID")),
    )
    return AsyncAzureOpenAI(
        azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
        api_version="2024-10-21",
        azure_ad_token_provider=get_bearer_token_provider(
            credential, "https://cognitiveservices.azure.com/.default"
        ),
    )
