import os

import azure.functions as func
import msal

app = func.FunctionApp()
graph = msal.ConfidentialClientApplication(
    os.environ["GRAPH_CLIENT_ID"],
    authority=f"https://login.microsoftonline.com/{os.environ['GRAPH_TENANT_ID']}",
    client_credential=os.environ["GRAPH_CLIENT_SECRET"],
)


@app.timer_trigger(schedule="0 */15 * * * *", arg_name="timer")
def triage_mailbox(timer: func.TimerRequest) -> None:
    token = graph.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
    # read the shared mailbox and draft replies ...
