import os

import functions_framework
from openai import OpenAI
from slack_sdk import WebClient

slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
llm = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


@functions_framework.http
def digest(request):
    summary = llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "digest"}])
    slack.chat_postMessage(channel=os.environ["SLACK_CHANNEL"], text=summary.choices[0].message.content)
    return "ok"
