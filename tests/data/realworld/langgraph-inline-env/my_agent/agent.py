from langchain_community.utilities import SQLDatabase
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
import os

db = SQLDatabase.from_uri(os.environ["WAREHOUSE_DSN"])
graph = create_react_agent(ChatOpenAI(model="gpt-4o"), tools=[])
