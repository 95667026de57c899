"""Amazon Bedrock agents: declared in CloudFormation, Terraform or the CDK, or invoked from code. Each is a
multi-user agent whose AWS connection is its service role; where the repository declares that role, the code
collectors' view of it (its policies) is joined to the agent, and so are the execution roles of the Lambda
functions its action groups run. Made-up templates in the documented resource shapes."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.model import Agent, AuthModel, Platform, ScanResult
from auditor.scan import ScanOptions, run

_TRUST = {
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ]
}


def _scan(root: Path) -> ScanResult:
    return run(ScanOptions(paths=(root,)))


def _agents(result: ScanResult) -> dict[str, Agent]:
    return {a.name: a for a in result.agents}


def _aws(agent: Agent) -> tuple[AuthModel, str | None, str]:
    (conn,) = [c for c in agent.connections if c.platform is Platform.AWS]
    return conn.auth_model, conn.identity_hint, conn.reason


def _joined(result: ScanResult, agent: str) -> set[str]:
    return {r.identity_name for r in result.resolutions if r.agent == agent and r.platform is Platform.AWS}


_CFN = """AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PilotRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: pilot-agent-service
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: bedrock.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: wide
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: ["bedrock:*", "lambda:InvokeFunction"], Resource: "*"}
  TideToolRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: tide-tool
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: read-tides
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::tide-tables/*"}
  UnrelatedRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: nightly-export
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}
  TideTool:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt TideToolRole.Arn
      Runtime: python3.12
  Pilot:
    Type: AWS::Bedrock::Agent
    Properties:
      AgentName: harbour-pilot
      AgentResourceRoleArn: !GetAtt PilotRole.Arn
      ActionGroups:
        - ActionGroupName: tides
          ActionGroupExecutor:
            Lambda: !GetAtt TideTool.Arn
        - ActionGroupName: confirm
          ActionGroupExecutor: {CustomControl: RETURN_CONTROL}
"""


def test_a_cloudformation_agent_acts_as_its_declared_service_role(tmp_path: Path) -> None:
    (tmp_path / "stack.yaml").write_text(_CFN, encoding="utf-8")
    result = _scan(tmp_path)
    agent = _agents(result)["harbour-pilot"]
    assert agent.kind == "bedrock_agent" and agent.multi_user
    model, hint, reason = _aws(agent)
    assert (model, hint) == (AuthModel.SERVICE_ACCOUNT_ROLE, "./stack/PilotRole")
    assert "action group tides runs Lambda TideTool as ./stack/TideToolRole" in reason
    # The service role and the tool's execution role; never the template's unrelated role.
    assert _joined(result, "harbour-pilot") == {"pilot-agent-service", "tide-tool"}
    wide = [f for f in result.findings if f.rule_id == "BA-206" and f.agent == "harbour-pilot"]
    assert [f.identity for f in wide] == ["stack/PilotRole"]
    assert "bedrock" in wide[0].message


def test_json_template_long_forms_and_a_role_written_as_an_arn(tmp_path: Path) -> None:
    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {"NameParam": {"Type": "String", "Default": "dock-c"}},
        "Resources": {
            "ServiceRole": {
                "Type": "AWS::IAM::Role",
                "Properties": {"RoleName": "dock-agent-role", "AssumeRolePolicyDocument": _TRUST},
            },
            "ByGetAtt": {
                "Type": "AWS::Bedrock::Agent",
                "Properties": {
                    "AgentName": "dock-a",
                    "AgentResourceRoleArn": {"Fn::GetAtt": ["ServiceRole", "Arn"]},
                },
            },
            "ByParameter": {
                "Type": "AWS::Bedrock::Agent",
                "Properties": {"AgentName": {"Ref": "NameParam"}},
            },
            "BySub": {
                "Type": "AWS::Bedrock::Agent",
                "Properties": {
                    "AgentName": {"Fn::Sub": "${AWS::StackName}-b"},
                    "AgentResourceRoleArn": {
                        "Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/dock-agent-role"
                    },
                },
            },
        },
    }
    (tmp_path / "dock.json").write_text(json.dumps(template, indent=2), encoding="utf-8")
    result = _scan(tmp_path)
    agents = _agents(result)
    assert _aws(agents["dock-a"])[1] == "./dock/ServiceRole"
    # A name built from the stack is not literal: the resource's logical id names the agent.
    assert _aws(agents["BySub"])[:2] == (AuthModel.SERVICE_ACCOUNT_ROLE, "role/dock-agent-role")
    assert _joined(result, "BySub") == {"dock-agent-role"}
    # `!Ref` of a parameter names the agent by the parameter's default; no role written: no identity named.
    assert _aws(agents["dock-c"])[:2] == (AuthModel.SERVICE_ACCOUNT_ROLE, None)
    assert "a service role not named in the code" in _aws(agents["dock-c"])[2]


def test_an_unresolved_service_role_joins_no_other_role_of_the_template(tmp_path: Path) -> None:
    text = _CFN.replace("AgentResourceRoleArn: !GetAtt PilotRole.Arn", "AgentResourceRoleArn: !Ref RoleParam")
    (tmp_path / "stack.yaml").write_text(text, encoding="utf-8")
    result = _scan(tmp_path)
    model, hint, _reason = _aws(_agents(result)["harbour-pilot"])
    assert (model, hint) == (AuthModel.SERVICE_ACCOUNT_ROLE, None)
    assert _joined(result, "harbour-pilot") == {"tide-tool"}


_TF = """
resource "aws_iam_role" "buoy_agent" {
  name               = "buoy-agent"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "buoy_lambda" {
  name               = "buoy-lambda"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "buoy_lambda_all" {
  role   = aws_iam_role.buoy_lambda.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}

resource "aws_lambda_function" "buoys" {
  function_name = "buoys"
  role          = aws_iam_role.buoy_lambda.arn
}

resource "aws_bedrockagent_agent" "watch" {
  agent_name              = "buoy-watch"
  agent_resource_role_arn = aws_iam_role.buoy_agent.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrockagent_agent_action_group" "readings" {
  action_group_name = "readings"
  agent_id          = aws_bedrockagent_agent.watch.agent_id
  agent_version     = "DRAFT"
  action_group_executor {
    lambda = aws_lambda_function.buoys.arn
  }
}
"""


def test_a_terraform_agent_and_its_action_group_lambda_role(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(_TF, encoding="utf-8")
    result = _scan(tmp_path)
    agent = _agents(result)["buoy-watch"]
    assert agent.kind == "bedrock_agent" and agent.multi_user
    assert agent.manifests[0].line == 22
    assert _aws(agent)[:2] == (AuthModel.SERVICE_ACCOUNT_ROLE, "./aws_iam_role.buoy_agent")
    assert _joined(result, "buoy-watch") == {"buoy-agent", "buoy-lambda"}
    wide = [f for f in result.findings if f.rule_id == "BA-206" and f.agent == "buoy-watch"]
    assert [f.identity for f in wide] == ["aws_iam_role.buoy_lambda"]


def test_cdk_constructs_build_agents(tmp_path: Path) -> None:
    py = tmp_path / "py_stack"
    py.mkdir()
    (py / "stack.py").write_text(
        "from aws_cdk import aws_bedrock as bedrock\n\n"
        "class S(Stack):\n"
        "    def __init__(self, scope, cid):\n"
        "        super().__init__(scope, cid)\n"
        "        bedrock.CfnAgent(\n"
        '            self, "LockAgent",\n'
        '            agent_name="lock-keeper",\n'
        "            agent_resource_role_arn=lock_role.role_arn,\n"
        "        )\n"
        "        bedrock.CfnAgent(\n"
        '            self, "GateAgent", agent_name=gate_name,\n'
        "            function_schema=bedrock.CfnAgent.FunctionSchemaProperty(\n"
        '                functions=[bedrock.CfnAgent.FunctionProperty(name="open_gate")]),\n'
        "        )\n",
        encoding="utf-8",
    )
    ts = tmp_path / "ts_stack"
    ts.mkdir()
    (ts / "stack.ts").write_text(
        "import { bedrock } from '@cdklabs/generative-ai-cdk-constructs';\n"
        "const agent = new bedrock.Agent(this, 'SluiceAgent', {\n"
        "  instruction: 'Schedule sluice openings.',\n"
        "});\n",
        encoding="utf-8",
    )
    agents = _agents(_scan(tmp_path))
    model, hint, reason = _aws(agents["py_stack"])
    assert (model, hint) == (AuthModel.SERVICE_ACCOUNT_ROLE, None)
    assert "lock-keeper" in reason and "lock_role.role_arn" in reason
    # An agent named by a variable takes its construct id, not a schema function's name.
    assert "Bedrock agent GateAgent" in reason and "open_gate" not in reason
    assert agents["ts_stack"].kind == "bedrock_agent"
    assert "a service role the construct creates" in _aws(agents["ts_stack"])[2]


def test_code_that_invokes_an_agent(tmp_path: Path) -> None:
    app = tmp_path / "kiosk"
    app.mkdir()
    (app / "ask.py").write_text(
        "import boto3\n"
        'rt = boto3.client("bedrock-agent-runtime")\n'
        "def ask(q, s):\n"
        '    return rt.invoke_agent(agentId="KQ7PL2MX9A", agentAliasId="TSTALIASID",\n'
        "        sessionId=s, inputText=q)\n",
        encoding="utf-8",
    )
    agent = _agents(_scan(tmp_path))["kiosk"]
    # The Bedrock agent serves every caller; the code calling it is one caller, its own audience unknown here.
    assert agent.kind == "bedrock_agent" and not agent.multi_user
    model, hint, reason = _aws(agent)
    assert (model, hint) == (AuthModel.SERVICE_ACCOUNT_ROLE, None)
    assert "KQ7PL2MX9A" in reason and "outside this repository" in reason


def test_docs_tests_and_other_templates_make_no_bedrock_agent(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        'Call `client.invoke_agent(agentId="KQ7PL2MX9A")` on a `bedrock-agent-runtime` client.\n',
        encoding="utf-8",
    )
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_ask.py").write_text(
        'import boto3\nrt = boto3.client("bedrock-agent-runtime")\nrt.invoke_agent(agentId="x")\n',
        encoding="utf-8",
    )
    (tmp_path / "roles.yaml").write_text(
        _CFN.split("  TideTool:\n")[0],
        encoding="utf-8",  # roles only, no agent resource
    )
    assert [a for a in _scan(tmp_path).agents if a.kind == "bedrock_agent"] == []


def test_a_role_declared_in_another_folder_under_the_same_address_is_never_joined(tmp_path: Path) -> None:
    # Two samples, each with its own `template.yaml` declaring `PilotRole`: the code collector keeps the first
    # declaration of `template/PilotRole` (and says so); the second agent joins nothing rather than the first
    # sample's role.
    for folder in ("a_sample", "b_sample"):
        (tmp_path / folder).mkdir()
        text = _CFN.replace("harbour-pilot", f"pilot-{folder[0]}")
        if folder == "b_sample":
            text = text.replace('"bedrock:*", "lambda:InvokeFunction"', '"bedrock:InvokeAgent"')
        (tmp_path / folder / "template.yaml").write_text(text, encoding="utf-8")
    result = _scan(tmp_path)
    agents = _agents(result)
    assert _aws(agents["pilot-a"])[1] == "a_sample/template/PilotRole"
    assert _aws(agents["pilot-b"])[1] == "b_sample/template/PilotRole"
    assert _joined(result, "pilot-a") == {"pilot-agent-service", "tide-tool"}
    assert _joined(result, "pilot-b") == set()
    assert not [f for f in result.findings if f.agent == "pilot-b"]


_AWSCC = """
resource "aws_iam_role" "agent_role" {
  count              = var.role_arn == null ? 1 : 0
  name_prefix        = "crane-"
  assume_role_policy = "{}"
}

resource "awscc_bedrock_agent" "crane" {
  agent_name              = "${var.prefix}-crane"
  agent_resource_role_arn = var.role_arn != null ? var.role_arn : aws_iam_role.agent_role[0].arn
  action_groups = [{
    action_group_name     = "slots"
    action_group_executor = { lambda = var.slots_lambda_arn }
  }]
}
"""


def test_the_cloud_control_resource_and_a_module_that_creates_the_role_unless_given_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "agent.tf").write_text(_AWSCC, encoding="utf-8")
    result = _scan(tmp_path)
    agent = _agents(result)["crane"]  # the name is built from a variable: the resource's name stands in
    model, hint, reason = _aws(agent)
    assert (model, hint) == (AuthModel.SERVICE_ACCOUNT_ROLE, "./aws_iam_role.agent_role")
    assert "action group slots runs Lambda ${var.slots_lambda_arn} as its own execution role" in reason
    assert {r.identity_id for r in result.resolutions if r.agent == "crane"} == {"aws_iam_role.agent_role"}


def test_a_samples_folder_holds_real_stacks_but_notebooks_are_walkthroughs(tmp_path: Path) -> None:
    sample = tmp_path / "examples" / "dock_cdk"
    sample.mkdir(parents=True)
    (sample / "stack.py").write_text(
        'bedrock.CfnAgent(self, "Dock", agent_name="dock", agent_resource_role_arn=r.role_arn)\n',
        encoding="utf-8",
    )
    walkthrough = tmp_path / "examples" / "walkthrough"
    walkthrough.mkdir()
    cells = {
        "cells": [
            {
                "cell_type": "code",
                "source": [
                    'rt = boto3.client("bedrock-agent-runtime")\n',
                    'rt.invoke_agent(agentId="KQ7PL2MX9A")\n',
                ],
            }
        ]
    }
    (walkthrough / "try_it.ipynb").write_text(json.dumps(cells), encoding="utf-8")
    library = tmp_path / "src" / "constructs"
    library.mkdir(parents=True)
    (library / "agent.ts").write_text(
        "export class Agent extends Construct {\n  constructor(scope, id, props) {\n"
        "    this.resource = new bedrock.CfnAgent(this, 'AgentResource', cfnProps);\n  }\n}\n",
        encoding="utf-8",
    )
    integ = tmp_path / "test" / "integ"
    integ.mkdir(parents=True)
    (integ / "stack.template.json").write_text(
        json.dumps({"Resources": {"A": {"Type": "AWS::Bedrock::Agent", "Properties": {"AgentName": "t"}}}}),
        encoding="utf-8",
    )
    kinds = {a.name: a.kind for a in _scan(tmp_path).agents}
    assert "constructs" not in kinds and "t" not in kinds  # the construct library itself; a test stack
    assert kinds.get("dock_cdk") == "bedrock_agent"
    assert "walkthrough" not in kinds
