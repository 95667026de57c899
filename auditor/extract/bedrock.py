"""Amazon Bedrock agents: declared in CloudFormation, Terraform or the CDK, or invoked from code.

A Bedrock agent is a managed service: whoever may invoke it (its alias) gets answers computed with one IAM
role, the agent's service role (`AgentResourceRoleArn`, `agent_resource_role_arn`). Its action groups call
Lambda functions, which run as their own execution roles; knowledge bases and guardrails are read through the
service role.

Each declared agent becomes a ManifestHint `bedrock_agent` (one agent each, scoped to its resource), whose
`role` detail is the join key of the service role in the code collectors' snapshot (a CloudFormation
`<template stem>/<logical id>`, a Terraform `aws_iam_role.<name>`) or its ARN / `role/<name>` when written as
text; `executors` lists the action groups' Lambda functions and, where the same file declares them, their
execution roles. Code that builds one with the CDK gives a `bedrock_agent_code` hint, code that invokes
one through `bedrock-agent-runtime` a `bedrock_agent_client` hint (one agent per folder, like other agents
built in code). The client is whoever runs that code: how many people it serves is its own audience, not the
Bedrock agent's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from auditor.extract.evidence import Evidence
from auditor.extract.formats import in_test_path
from auditor.extract.tree import Doc, KeyPath, key_path

DECLARED = "bedrock_agent"
IN_CODE = "bedrock_agent_code"
CLIENT = "bedrock_agent_client"

_CFN_AGENT = "AWS::Bedrock::Agent"
_CFN_ROLE = "AWS::IAM::Role"
_CFN_FUNCTIONS = frozenset({"AWS::Lambda::Function", "AWS::Serverless::Function"})
_TF_AGENT = "aws_bedrockagent_agent"
# The Cloud Control provider's resource: the same attributes, action groups and knowledge bases inline.
_AWSCC_AGENT = "awscc_bedrock_agent"
_TF_ACTION_GROUP = "aws_bedrockagent_agent_action_group"
_TF_KB_ASSOCIATION = "aws_bedrockagent_agent_knowledge_base_association"
# `arn:aws:iam::123456789012:role/service-role/Name` -> Name (the path is not part of the role's name); the
# partition and account may be `!Sub` variables.
_ROLE_ARN = re.compile(
    r"arn:(?:aws[\w-]{0,20}|\$\{AWS::Partition\}):iam::(?:\$\{[\w:]{1,64}\}|[^:\s]{0,64}):role/(?:[\w+=,.@-]{1,64}/){0,8}([\w+=,.@-]{1,64})$"
)
# `${aws_iam_role.agent.arn}`, `${aws_lambda_function.tools.arn}`: a reference to a resource's attribute.
_TF_REF = re.compile(r"^\$\{(aws_[a-z0-9_]{1,64})\.([A-Za-z0-9_-]{1,128})\.[a-z_]{1,32}\}$")


def folder_key(rel: str, address: str) -> str:
    """The join key of a principal declared in code, unique per folder: `<folder>/<address>` (`./` at the
    root): `infra/template/AgentRole`, `infra/aws_iam_role.agent`.

    The code collectors' addresses repeat across folders (every SAM sample has its `template.yaml`) and only
    the first declaration of an address is kept: a folder-qualified key joins an agent to the role declared
    beside it, or to nothing, never to another folder's role."""
    folder = rel.rsplit("/", 1)[0] if "/" in rel else "."
    return f"{folder}/{address}"


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _role_key_from_text(text: str | None) -> str | None:
    """A role written as text: its ARN when literal, `role/<name>` when the name is readable, else None."""
    if not text:
        return None
    match = _ROLE_ARN.search(text)
    if match is None:
        return None
    return text if "${" not in text else f"role/{match.group(1)}"


# -- CloudFormation ------------------------------------------------------------------------------------------
def _cfn_logical(value: Any) -> str | None:
    """The logical id a `!GetAtt X.Arn` / `!Ref X` points at. The YAML reader drops short-form tags, so a
    short form arrives as plain text (`X.Arn`, `X`); the long forms (and JSON) keep their mapping."""
    if isinstance(value, Mapping):
        att = value.get("Fn::GetAtt")
        if isinstance(att, list) and att and isinstance(att[0], str):
            return att[0]
        if isinstance(att, str):
            return att.split(".", 1)[0]
        ref = value.get("Ref")
        return ref if isinstance(ref, str) else None
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9]{1,255}(?:\.Arn)?", value):
        return value.split(".", 1)[0]
    return None


def _cfn_text(value: Any) -> str | None:
    if isinstance(value, Mapping):
        sub = value.get("Fn::Sub")
        if isinstance(sub, str):
            return sub
        if isinstance(sub, list) and sub and isinstance(sub[0], str):
            return sub[0]
        return None
    return _str(value)


def _cfn_type(resources: Mapping[str, Any], logical: str | None) -> str | None:
    res = resources.get(logical) if logical else None
    return str(res.get("Type")) if isinstance(res, Mapping) else None


def _cfn_role(value: Any, resources: Mapping[str, Any], rel: str, stem: str) -> str | None:
    logical = _cfn_logical(value)
    if logical is not None and _cfn_type(resources, logical) == _CFN_ROLE:
        return folder_key(rel, f"{stem}/{logical}")
    return _role_key_from_text(_cfn_text(value))


def _written(value: Any) -> str:
    """How a reference reads in a reason, never more than a short line."""
    if isinstance(value, Mapping):
        return " ".join(f"{k} {_written(v)}" for k, v in list(value.items())[:1])
    if isinstance(value, list):
        return ".".join(_written(v) for v in value[:3])
    return str(value)[:120]


def cloudformation_hints(doc: Doc, ev: Evidence) -> None:
    """`AWS::Bedrock::Agent` resources of a CloudFormation / SAM template (YAML or JSON)."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("Resources"), dict):
        return
    resources: Mapping[str, Any] = data["Resources"]
    parameters = data["Parameters"] if isinstance(data.get("Parameters"), dict) else {}
    stem = ev.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for logical, res in resources.items():
        if not isinstance(res, Mapping) or res.get("Type") != _CFN_AGENT:
            continue
        props = res.get("Properties") if isinstance(res.get("Properties"), Mapping) else {}
        assert isinstance(props, Mapping)
        declared_name = _cfn_text(props.get("AgentName"))
        parameter = _cfn_logical(props.get("AgentName"))
        if parameter in parameters:
            # `!Ref AgentName`: the parameter's default, when it has a plain one.
            default = parameters[parameter]
            declared_name = _str(default.get("Default")) if isinstance(default, Mapping) else None
        name = declared_name if declared_name and "${" not in declared_name else str(logical)
        role_value = props.get("AgentResourceRoleArn")
        executors = []
        for group in props.get("ActionGroups") or ():
            if not isinstance(group, Mapping):
                continue
            executor = group.get("ActionGroupExecutor")
            function = executor.get("Lambda") if isinstance(executor, Mapping) else None
            if function is None:
                continue  # RETURN_CONTROL: the calling application runs the action itself
            fn_logical = _cfn_logical(function)
            fn = resources.get(fn_logical) if fn_logical else None
            fn_role = None
            if isinstance(fn, Mapping) and str(fn.get("Type")) in _CFN_FUNCTIONS:
                fn_props = fn.get("Properties") if isinstance(fn.get("Properties"), Mapping) else {}
                assert isinstance(fn_props, Mapping)
                fn_role = (
                    _cfn_role(fn_props.get("Role"), resources, ev.rel, stem) if fn_props.get("Role") else None
                )
            executors.append(
                {
                    "action_group": _str(group.get("ActionGroupName")) or "",
                    "lambda": fn_logical or _written(function),
                    "role": fn_role,
                }
            )
        path: KeyPath = ("Resources", str(logical))
        ev.manifest(
            DECLARED,
            name,
            doc.line_of(path),
            key_path(path),
            {
                "source": "cloudformation",
                "scope": key_path(path),
                "role": _cfn_role(role_value, resources, ev.rel, stem) if role_value is not None else None,
                "role_written": _written(role_value) if role_value is not None else None,
                "executors": executors,
                "knowledge_bases": len(props.get("KnowledgeBases") or ()),
                "guardrail": isinstance(props.get("GuardrailConfiguration"), Mapping),
            },
        )


# -- Terraform -----------------------------------------------------------------------------------------------
def _tf_blocks(data: Any) -> Iterator[tuple[KeyPath, str, str, Mapping[str, Any]]]:
    """(path, type, name, body) of every `resource` block of a normalised HCL document."""
    blocks = data.get("resource") if isinstance(data, dict) else None
    groups: list[tuple[KeyPath, Any]] = [(("resource",), blocks)] if isinstance(blocks, dict) else []
    if isinstance(blocks, list):
        groups = [(("resource", i), b) for i, b in enumerate(blocks)]
    for prefix, group in groups:
        if not isinstance(group, dict):
            continue
        for rtype, named in group.items():
            if not isinstance(named, dict):
                continue
            for name, body in named.items():
                if isinstance(body, dict):
                    yield (*prefix, str(rtype), str(name)), str(rtype), str(name), body


def _tf_ref(value: Any, rtype: str | None = None) -> str | None:
    """`aws_iam_role.agent` from `${aws_iam_role.agent.arn}` (of the given type, when one is given)."""
    match = _TF_REF.match(value) if isinstance(value, str) else None
    if match is None or (rtype is not None and match.group(1) != rtype):
        return None
    return f"{match.group(1)}.{match.group(2)}"


# A role named inside a larger expression: `var.role_arn != null ? var.role_arn : aws_iam_role.agent[0].arn`
# (a module that creates the role unless it is given one).
_TF_ROLE_IN = re.compile(r"\baws_iam_role\.([A-Za-z0-9_-]{1,128})(?:\[[^\]\n]{1,40}\])?\.(?:arn|name|id)\b")


def _tf_role(value: Any, rel: str) -> str | None:
    """The join key of the role an expression names: a role of this module (by folder), else its ARN."""
    address = _tf_ref(value, "aws_iam_role")
    if address is None and isinstance(value, str) and value.startswith("${"):
        named = {m.group(1) for m in _TF_ROLE_IN.finditer(value[:2000])}
        address = f"aws_iam_role.{named.pop()}" if len(named) == 1 else None
    if address is not None:
        return folder_key(rel, address)
    return _role_key_from_text(_str(value))


def _listed(value: Any) -> list[Any]:
    """A list attribute: the HCL reader turns a list of one object into the object itself."""
    return value if isinstance(value, list) else [value] if isinstance(value, Mapping) else []


def _inline_executors(groups: Any, functions: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """Action groups written inside the agent (`awscc_bedrock_agent.action_groups`)."""
    out = []
    for group in _listed(groups):
        executor = group.get("action_group_executor") if isinstance(group, Mapping) else None
        function = executor.get("lambda") if isinstance(executor, Mapping) else None
        if function is None:
            continue
        fn = _tf_ref(function, "aws_lambda_function")
        out.append(
            {
                "action_group": _str(group.get("action_group_name")) or "",
                "lambda": fn or str(function)[:120],
                "role": functions.get(fn) if fn else None,
            }
        )
    return out


def terraform_hints(doc: Doc, ev: Evidence) -> None:
    """`aws_bedrockagent_agent` resources of a Terraform file, with the action groups and knowledge base
    associations the same file attaches to them."""
    blocks = list(_tf_blocks(doc.data))
    agents = [(p, t, n, b) for p, t, n, b in blocks if t in (_TF_AGENT, _AWSCC_AGENT)]
    if not agents:
        return
    roles_of_functions = {
        f"aws_lambda_function.{n}": _tf_role(b.get("role"), ev.rel)
        for _p, t, n, b in blocks
        if t == "aws_lambda_function"
    }
    executors: dict[str, list[dict[str, Any]]] = {}
    knowledge_bases: dict[str, int] = {}
    for _path, rtype, name, body in blocks:
        agent = _tf_ref(body.get("agent_id"))
        if agent is None or agent.split(".", 1)[0] not in (_TF_AGENT, _AWSCC_AGENT):
            continue
        if rtype == _TF_KB_ASSOCIATION:
            knowledge_bases[agent] = knowledge_bases.get(agent, 0) + 1
        elif rtype == _TF_ACTION_GROUP:
            executor = body.get("action_group_executor")
            function = executor.get("lambda") if isinstance(executor, Mapping) else None
            if function is None:
                continue
            fn = _tf_ref(function, "aws_lambda_function")
            executors.setdefault(agent, []).append(
                {
                    "action_group": _str(body.get("action_group_name")) or name,
                    "lambda": fn or str(function)[:120],
                    "role": roles_of_functions.get(fn) if fn else None,
                }
            )
    for path, rtype, name, body in agents:
        address = f"{rtype}.{name}"
        opening = re.search(
            rf'resource[ \t]{{1,8}}"?{rtype}"?[ \t]{{1,8}}"?{re.escape(name)}"?[ \t]{{0,8}}\{{', ev.text
        )
        declared_name = _str(body.get("agent_name"))
        role_value = body.get("agent_resource_role_arn")
        ev.manifest(
            DECLARED,
            declared_name if declared_name and "${" not in declared_name else name,
            ev.line_at(opening.start()) if opening else doc.line_of(path),
            key_path(path),
            {
                "source": "terraform",
                "scope": key_path(path),
                "role": _tf_role(role_value, ev.rel),
                "role_written": str(role_value)[:120] if role_value is not None else None,
                "executors": executors.get(address, [])
                + _inline_executors(body.get("action_groups"), roles_of_functions),
                "knowledge_bases": knowledge_bases.get(address, 0)
                + len(_listed(body.get("knowledge_bases"))),
                "guardrail": isinstance(body.get("guardrail_configuration"), Mapping),
            },
        )


def document_hints(doc: Doc, ev: Evidence) -> None:
    # A test suite's templates (a CDK library's integration-test snapshots) deploy test stacks, not agents.
    if ev.kind.in_test_path and _in_tests(ev.rel):
        return
    if ev.kind.format == "hcl":
        terraform_hints(doc, ev)
    else:
        cloudformation_hints(doc, ev)


# -- code ----------------------------------------------------------------------------------------------------
# The CDK's L1 construct (`bedrock.CfnAgent(self, "Agent", ...)`, `new bedrock.CfnAgent(this, 'A', {...})`)
# and the L2 constructs (`@cdklabs/generative-ai-cdk-constructs`, `@aws-cdk/aws-bedrock-alpha`:
# `new bedrock.Agent(this, 'Agent', {...})`): a construct takes its scope and an id first.
_CDK_AGENT = re.compile(
    r"\b(CfnAgent|bedrock\.Agent)\([ \t\r\n]{0,40}(?:self|this)[ \t]{0,8},"
    r"[ \t\r\n]{0,40}[\"'`]([\w-]{1,100})[\"'`]"
)
# The L1 names its agent `agent_name` / `agentName`; the L2 `name` (a bare `name` in an L1's window is a
# function of its schema).
_CDK_NAME = re.compile(r"\b(?:agent_name|agentName)[ \t]{0,8}[=:][ \t]{0,8}[\"'`]([\w-]{1,100})[\"'`]")
_CDK_L2_NAME = re.compile(
    r"\b(?:agent_name|agentName|name)[ \t]{0,8}[=:][ \t]{0,8}[\"'`]([\w-]{1,100})[\"'`]"
)
_CDK_ROLE = re.compile(
    r"\b(?:agent_resource_role_arn|agentResourceRoleArn|existing_role|existingRole)"
    r"[ \t]{0,8}[=:][ \t]{0,8}([\w.]{1,120})"
)
# Invoking an agent: boto3's `bedrock-agent-runtime` client (`invoke_agent(agentId=...)`), the JavaScript
# SDK's `InvokeAgentCommand`.
_INVOKE = re.compile(r"\.invoke_agent\(|\bInvokeAgentCommand\(")
_AGENT_ID = re.compile(r"\bagent_?[Ii]d[\"']?[ \t]{0,8}[=:][ \t]{0,8}[\"']([A-Z0-9]{10})[\"']")
_CDK_WINDOW = 1500
_MEMBER_OF_CONSTRUCT = re.compile(r"\bthis\.\w{1,60}[ \t]{0,4}=[ \t]{0,4}new[ \t]{1,4}(?:\w{1,40}\.)?$")


def _in_tests(rel: str) -> bool:
    """A test suite's file. Unlike `Agent(name=...)` (every SDK's hello world), a CDK stack with a construct
    id or a client invoking an agent is deployable as written: a samples repository's `examples/` holds real
    agents, as its CloudFormation templates do."""
    parts = [p for p in rel.split("/") if p.lower() not in ("examples", "example")]
    return in_test_path("/".join(parts))


def code_hints(ev: Evidence) -> None:
    """A CDK stack that builds a Bedrock agent, or application code that invokes one."""
    text = ev.text
    if "gent" not in text or ev.kind.format != "source" or (ev.kind.in_test_path and _in_tests(ev.rel)):
        return
    if "CfnAgent(" in text or "bedrock.Agent(" in text:
        for match in _CDK_AGENT.finditer(text):
            if match.group(2) == "Resource" or _MEMBER_OF_CONSTRUCT.search(
                text, max(0, match.start() - 60), match.start()
            ):
                # An L2 construct's own L1 (`this.resource = new CfnAgent(this, 'Resource', props)`): the
                # construct library itself, not a stack that deploys an agent.
                continue
            window = text[match.end() : match.end() + _CDK_WINDOW]
            l2 = match.group(1) != "CfnAgent"
            named = (_CDK_L2_NAME if l2 else _CDK_NAME).search(window)
            role = _CDK_ROLE.search(window)
            ev.manifest(
                IN_CODE,
                named.group(1) if named else match.group(2),
                ev.line_at(match.start()),
                None,
                {
                    "source": "cdk",
                    "construct": match.group(1),
                    "role_written": role.group(1) if role else None,
                    # An L2 Agent without `existingRole` creates its own service role.
                    "role_created": l2 and role is None,
                },
            )
    # A notebook that invokes an agent is a walkthrough one person runs, not an application serving callers.
    notebook = ev.rel.endswith(".ipynb")
    if (
        not notebook
        and ("bedrock-agent-runtime" in text or "InvokeAgentCommand" in text)
        and (invoke := _INVOKE.search(text)) is not None
    ):
        agent_id = _AGENT_ID.search(text)
        ev.manifest(
            CLIENT,
            agent_id.group(1) if agent_id else ev.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0],
            ev.line_at(invoke.start()),
            None,
            {"source": "invoke", "agent_id": agent_id.group(1) if agent_id else None},
        )
