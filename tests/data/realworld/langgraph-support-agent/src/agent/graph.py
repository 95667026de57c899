"""Support agent: answers tickets with the help of the Zendesk API."""

import os

from langchain_anthropic import ChatAnthropic
from langgraph.prebuilt import create_react_agent

from agent.tools import lookup_ticket, reply_to_ticket

model = ChatAnthropic(model="claude-sonnet-4-5", api_key=os.getenv("ANTHROPIC_API_KEY"))

graph = create_react_agent(
    model,
    tools=[lookup_ticket, reply_to_ticket],
    prompt="You are the Northwind support agent. Be brief and cite the ticket number.",
)
