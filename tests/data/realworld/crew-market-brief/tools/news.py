import os

import requests
from crewai import Agent
from crewai.tools import tool

NEWS_URL = "https://newsapi.org/v2/top-headlines"


@tool("Fetch headlines")
def fetch_headlines(topic: str) -> str:
    """Top business headlines about a topic."""
    resp = requests.get(
        NEWS_URL,
        params={"q": topic, "category": "business", "pageSize": 20},
        headers={"X-Api-Key": os.environ["NEWSAPI_KEY"]},
        timeout=15,
    )
    resp.raise_for_status()
    titles = [a["title"] for a in resp.json().get("articles", [])]
    return summarizer.llm.call("\n".join(titles)) if titles else "no headlines"


# A small helper agent that condenses long headline lists before the researcher sees them.
summarizer = Agent(
    role="Headline condenser",
    goal="Keep only headlines about companies we hold",
    backstory="Reads fast, keeps little.",
)
