import asyncio
import os

from autogen_agentchat.agents import AssistantAgent, UserProxyAgent
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_ext.models.openai import OpenAIChatCompletionClient

client = OpenAIChatCompletionClient(model="gpt-4o", api_key=os.environ["OPENAI_API_KEY"])

analyst = AssistantAgent(name="analyst", model_client=client, system_message="Reconcile the ledger.")
reviewer = AssistantAgent(name="reviewer", model_client=client, system_message="Check the analyst's work.")
human = UserProxyAgent(name="controller")


async def main() -> None:
    team = RoundRobinGroupChat([analyst, reviewer, human], max_turns=6)
    await team.run(task="Reconcile November's AP ledger against the bank export.")


asyncio.run(main())
