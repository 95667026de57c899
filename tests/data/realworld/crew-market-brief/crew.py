"""Morning market brief: a researcher and a writer, on the team's Azure OpenAI deployment."""
import os

from crewai import Agent, Crew, Task
from langchain_openai import AzureChatOpenAI

from tools.news import fetch_headlines

llm = AzureChatOpenAI(
    azure_deployment=os.environ.get("AZURE_OPENAI_DEPLOYMENT", "gpt-4o-mini"),
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_version="2024-06-01",
    api_key=os.environ.get("AZURE_OPENAI_KEY"),
)

researcher = Agent(
    role="Market researcher",
    goal="Collect the overnight moves that matter to our portfolio",
    backstory="Ten years on a trading desk; allergic to hype.",
    tools=[fetch_headlines],
    llm=llm,
)
writer = Agent(
    role="Brief writer",
    goal="Turn the research into five bullet points",
    backstory="Writes for people reading on a phone at 7am.",
    llm=llm,
)

brief = Crew(
    agents=[researcher, writer],
    tasks=[
        Task(description="Research overnight moves", expected_output="notes", agent=researcher),
        Task(description="Write the brief", expected_output="five bullets", agent=writer),
    ],
)

if __name__ == "__main__":
    print(brief.kickoff())
