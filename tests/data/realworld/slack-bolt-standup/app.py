"""Standup bot: collects each person's update in a DM at 9:30 and posts the digest to #eng-standup."""
import logging
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from digest import build_digest

logging.basicConfig(level=logging.INFO)

app = App(token=os.environ["SLACK_BOT_TOKEN"])


@app.command("/standup")
def open_standup(ack, body, client):
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=build_digest.modal())


@app.event("app_mention")
def mentioned(event, say):
    say(f"Hi <@{event['user']}>! Type /standup to post your update.")


if __name__ == "__main__":
    # Socket Mode: no public URL, the app-level token opens the websocket.
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
