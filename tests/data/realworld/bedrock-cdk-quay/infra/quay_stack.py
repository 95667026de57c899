from aws_cdk import Stack
from aws_cdk import aws_bedrock as bedrock
from aws_cdk import aws_iam as iam
from constructs import Construct


class QuayAgentStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        service_role = iam.Role(
            self,
            "QuayAgentRole",
            role_name="AmazonBedrockExecutionRoleForAgents_quay",
            assumed_by=iam.ServicePrincipal("bedrock.amazonaws.com"),
        )
        service_role.add_to_policy(
            iam.PolicyStatement(actions=["bedrock:InvokeModel"], resources=["*"])
        )

        bedrock.CfnAgent(
            self,
            "QuayAgent",
            agent_name="quay-crane-scheduler",
            agent_resource_role_arn=service_role.role_arn,
            foundation_model="anthropic.claude-3-haiku-20240307-v1:0",
            instruction="Plan crane slots for arriving container ships.",
        )
