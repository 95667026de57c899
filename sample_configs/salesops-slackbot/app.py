"""SalesOps Slack bot: answers /pipeline with the integration user's view of Salesforce."""
import os

from simple_salesforce import Salesforce
from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=open(os.environ["SLACK_SIGNING_SECRET_FILE"]).read())
sf = Salesforce(username=os.environ["SF_USERNAME"], password=os.environ["SF_PASSWORD"], security_token=os.environ["SF_SECURITY_TOKEN"])


@app.command("/pipeline")
def pipeline(ack, command, respond):
    ack()
    rows = sf.query(f"SELECT Name, StageName, Amount FROM Opportunity WHERE Account.Name = '{command['text']}'")
    respond("\n".join(f"{r['Name']}: {r['StageName']} {r['Amount']}" for r in rows["records"]))
