"""The IT helpdesk assistant employees reach from the intranet chat widget."""

import os

from agents import Agent, Runner, function_tool
from servicenow import TableClient

# Every employee's question runs under the one ServiceNow integration account below.
snow = TableClient(instance="northwind.service-now.com", user=os.environ["SNOW_USER"], password=os.environ["SNOW_PASSWORD"])

# triage_v1 = Agent(name="Old triage", instructions="...")


@function_tool
def open_ticket(summary: str) -> str:
    return snow.insert("incident", {"short_description": summary})["number"]


it_agent = Agent(
    name="IT helpdesk",
    instructions="Answer IT questions; open an incident when the employee asks for help.",
    tools=[open_ticket],
)


async def answer(question: str) -> str:
    result = await Runner.run(it_agent, question)
    return result.final_output
