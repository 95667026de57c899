"""Ask the quay scheduler agent a question from the operations console."""

import os
import uuid

import boto3

client = boto3.client("bedrock-agent-runtime", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


def ask(question: str) -> str:
    stream = client.invoke_agent(
        agentId=os.environ["QUAY_AGENT_ID"],
        agentAliasId=os.environ["QUAY_AGENT_ALIAS_ID"],
        sessionId=str(uuid.uuid4()),
        inputText=question,
    )
    return "".join(
        event["chunk"]["bytes"].decode() for event in stream["completion"] if "chunk" in event
    )
