"""The research crew: a researcher and a writer (CrewAI)."""
from crewai import Agent, Crew, Task

researcher = Agent(config="config/agents.yaml#researcher")
writer = Agent(config="config/agents.yaml#writer")
crew = Crew(agents=[researcher, writer], tasks=[Task(description="Quarterly competitor brief", agent=writer)])
