"""OK: the bot exchanges the Teams user's token On-Behalf-Of before calling Graph."""
import os

import msal
from botbuilder.core import TeamsActivityHandler

cca = msal.ConfidentialClientApplication(
    os.environ["CLIENT_ID"], authority=os.environ["AUTHORITY"], client_credential=os.environ["CLIENT_SECRET"]
)


def graph_token_for(user_token: str) -> str:
    result = cca.acquire_token_on_behalf_of(user_assertion=user_token, scopes=["User.Read"])
    return result["access_token"]


class HrBot(TeamsActivityHandler):
    async def on_message_activity(self, turn_context):
        token = graph_token_for(turn_context.activity.value["token"])
        await turn_context.send_activity("ok" if token else "sign in first")
