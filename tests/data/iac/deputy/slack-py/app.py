"""Pipeline Q&A bot: every sales rep asks in Slack, the bot answers from Salesforce."""
import os

from answers import format_pipeline
from simple_salesforce import Salesforce
from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])

# NOT OK: one integration login shared by every user of the bot.
sf = Salesforce(
    username=os.environ["SF_USERNAME"],
    password=os.environ["SF_PASSWORD"],
    security_token=os.environ["SF_SECURITY_TOKEN"],
)


def open_deals(owner: str) -> list[dict]:
    return sf.query(f"SELECT Name, Amount FROM Opportunity WHERE Owner.Name = '{owner}'")["records"]


@app.message("pipeline")
def pipeline(message, say):
    say(format_pipeline(open_deals(message["text"].split(" ", 1)[-1])))
