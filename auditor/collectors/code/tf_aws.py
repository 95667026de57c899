"""AWS resources in Terraform -> IAM principals (users, roles, groups, keys, policies) and security groups."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from auditor.collectors.code.aws_model import MANAGED_PREFIX, SENSITIVE_PORTS, IamPrincipal, add_principals
from auditor.collectors.code.interface import Declarations, provenance
from auditor.collectors.code.terraform import Block, Expr, Module, as_list, plain

_KIND = {"aws_iam_user": "iam_user", "aws_iam_role": "iam_role", "aws_iam_group": "iam_group"}
_WORLD = frozenset({"0.0.0.0/0", "::/0"})


def _statement_from_tf(st: Mapping[str, Any], module: Module) -> dict[str, Any]:
    """One `statement {}` block of aws_iam_policy_document -> IAM JSON."""
    out: dict[str, Any] = {"Effect": str(module.text(st.get("effect")) or "Allow")}
    for tf_key, json_key in (
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ):
        if tf_key in st:
            out[json_key] = [str(plain(v)) for v in as_list(module.resolve(st[tf_key]))]
    principals: dict[str, list[str]] = {}
    for block in as_list(st.get("principals")):
        if isinstance(block, Mapping):
            kind = str(module.text(block.get("type")) or "AWS")
            principals.setdefault(kind, []).extend(
                str(plain(v)) for v in as_list(module.resolve(block.get("identifiers")))
            )
    if principals:
        out["Principal"] = principals
    conditions: dict[str, dict[str, Any]] = {}
    for cond in as_list(st.get("condition")):
        if isinstance(cond, Mapping):
            test = str(module.text(cond.get("test")) or "")
            variable = str(module.text(cond.get("variable")) or "")
            conditions.setdefault(test, {})[variable] = [
                str(plain(v)) for v in as_list(module.resolve(cond.get("values")))
            ]
    if conditions:
        out["Condition"] = conditions
    return out


def policy_document(value: Any, module: Module, unresolved: list[str]) -> Mapping[str, Any] | None:
    """An IAM document from a Terraform value: JSON text, jsonencode(), heredoc, or a policy document data
    source (`data.aws_iam_policy_document.x.json`, its source/override documents included)."""
    block, rest = module.ref(value)
    if block is not None and block.type == "aws_iam_policy_document" and rest[:1] == ["json"]:
        statements: list[dict[str, Any]] = []
        for src in as_list(block.body.get("source_policy_documents")) + as_list(
            block.body.get("override_policy_documents")
        ):
            doc = policy_document(src, module, unresolved)
            if doc:
                raw = doc.get("Statement") or []
                statements.extend([dict(raw)] if isinstance(raw, Mapping) else [dict(r) for r in raw])
        statements.extend(
            _statement_from_tf(st, module)
            for st in as_list(block.body.get("statement"))
            if isinstance(st, Mapping)
        )
        return {"Version": "2012-10-17", "Statement": statements}
    if block is not None and block.type == "aws_iam_policy" and rest[:1] in (["policy"], ["arn"], ["id"]):
        return policy_document(block.body.get("policy"), module, unresolved)
    resolved = module.resolve(value)
    if isinstance(resolved, str):
        try:
            parsed = json.loads(resolved)
        except ValueError:
            unresolved.append("a policy document that is not JSON")
            return None
        return parsed if isinstance(parsed, Mapping) else None
    if isinstance(resolved, Mapping):
        return plain(resolved)  # type: ignore[no-any-return]
    unresolved.append(f"policy {value}" if isinstance(value, Expr) else "a policy document")
    return None


class _Principals:
    """Principals by Terraform address and by name, so references and plan literals both find them."""

    def __init__(self, module: Module) -> None:
        self.module = module
        self.by_address: dict[str, IamPrincipal] = {}
        self.by_name: dict[tuple[str, str], IamPrincipal] = {}
        for block in module.of_type(*_KIND):
            kind = _KIND[block.type]
            name = (
                module.text(block.body.get("name"))
                or module.text(block.body.get("name_prefix"))
                or block.name
            )
            principal = IamPrincipal(
                kind=kind,
                name=name,
                address=block.address,
                rel=block.rel,
                line=block.line,
                path=module.text(block.body.get("path")) or "/",
                tags={
                    str(k): str(plain(v)) for k, v in (module.resolve(block.body.get("tags")) or {}).items()
                }
                if isinstance(module.resolve(block.body.get("tags")), Mapping)
                else {},
            )
            self.by_address[block.address] = principal
            self.by_name[(kind, name)] = principal

    def find(self, value: Any, kind: str) -> IamPrincipal | None:
        block, _ = self.module.ref(value)
        if block is not None:
            return self.by_address.get(block.address)
        name = self.module.text(value)
        return self.by_name.get((kind, name)) if name else None


def _attach_arn(principal: IamPrincipal, value: Any, module: Module) -> None:
    """A `policy_arn`: an AWS managed ARN, or a customer managed policy declared in code."""
    block, _ = module.ref(value)
    if block is not None and block.type == "aws_iam_policy":
        doc = policy_document(block.body.get("policy"), module, principal.unresolved)
        if doc is not None:
            principal.documents.append((module.text(block.body.get("name")) or block.name, doc))
        return
    arn = module.text(value)
    if arn and arn.startswith(MANAGED_PREFIX):
        principal.managed.append(arn)
        return
    if arn:
        # A literal ARN of a customer policy (or a plan's resolved ARN): find the declared policy by name.
        name = arn.rsplit("/", 1)[-1]
        for pol in module.of_type("aws_iam_policy"):
            if (module.text(pol.body.get("name")) or pol.name) == name:
                doc = policy_document(pol.body.get("policy"), module, principal.unresolved)
                if doc is not None:
                    principal.documents.append((name, doc))
                return
    principal.unresolved.append(f"policy {arn or value}")


def collect_aws(module: Module, decl: Declarations) -> None:
    """IAM users, roles, groups, their policies and keys; security groups open to the world."""
    found = _Principals(module)
    for block in found.module.of_type("aws_iam_role"):
        role = found.by_address[block.address]
        trust = policy_document(block.body.get("assume_role_policy"), module, [])
        role.trust = trust
        duration = module.text(block.body.get("max_session_duration"))
        role.max_session_duration = int(duration) if duration and duration.isdigit() else None
        for inline in as_list(block.body.get("inline_policy")):
            if isinstance(inline, Mapping) and inline.get("policy") is not None:
                doc = policy_document(inline.get("policy"), module, role.unresolved)
                if doc is not None:
                    role.documents.append((module.text(inline.get("name")) or "inline", doc))
        for arn in as_list(module.resolve(block.body.get("managed_policy_arns"))):
            _attach_arn(role, arn, module)
    for block in module.blocks:
        if block.mode != "resource":
            continue
        body = block.body
        if block.type in ("aws_iam_user", "aws_iam_role") and body.get("permissions_boundary") is not None:
            principal = found.by_address[block.address]
            ref_block, _ = module.ref(body["permissions_boundary"])
            if ref_block is not None and ref_block.type == "aws_iam_policy":
                principal.boundary = policy_document(
                    ref_block.body.get("policy"), module, principal.unresolved
                )
            else:
                principal.boundary = module.text(body["permissions_boundary"])
        elif block.type in ("aws_iam_user_policy", "aws_iam_role_policy", "aws_iam_group_policy"):
            kind = {"aws_iam_user_policy": "iam_user", "aws_iam_role_policy": "iam_role"}.get(
                block.type, "iam_group"
            )
            key = {"iam_user": "user", "iam_role": "role", "iam_group": "group"}[kind]
            target = found.find(body.get(key), kind)
            if target is None:
                decl.skip(
                    f"{block.rel}:{block.line}", f"{block.address}: {key} not declared in the scanned code"
                )
                continue
            doc = policy_document(body.get("policy"), module, target.unresolved)
            if doc is not None:
                target.documents.append((module.text(body.get("name")) or block.name, doc))
        elif block.type in (
            "aws_iam_user_policy_attachment",
            "aws_iam_role_policy_attachment",
            "aws_iam_group_policy_attachment",
        ):
            kind = {
                "aws_iam_user_policy_attachment": "iam_user",
                "aws_iam_role_policy_attachment": "iam_role",
            }.get(block.type, "iam_group")
            key = {"iam_user": "user", "iam_role": "role", "iam_group": "group"}[kind]
            target = found.find(body.get(key), kind)
            if target is None:
                decl.skip(
                    f"{block.rel}:{block.line}", f"{block.address}: {key} not declared in the scanned code"
                )
                continue
            _attach_arn(target, body.get("policy_arn"), module)
        elif block.type == "aws_iam_policy_attachment":
            for key, kind in (("users", "iam_user"), ("roles", "iam_role"), ("groups", "iam_group")):
                for ref in (
                    as_list(module.resolve(body.get(key)))
                    if not isinstance(body.get(key), list)
                    else body[key]
                ):
                    target = found.find(ref, kind)
                    if target is not None:
                        _attach_arn(target, body.get("policy_arn"), module)
        elif block.type == "aws_iam_access_key":
            user = found.find(body.get("user"), "iam_user")
            if user is not None:
                status = (module.text(body.get("status")) or "Active").lower()
                user.keys.append((block.address, block.rel, block.line, status == "active"))
        elif block.type == "aws_iam_user_login_profile":
            user = found.find(body.get("user"), "iam_user")
            if user is not None:
                user.login_profile = True
        elif block.type == "aws_iam_user_group_membership":
            user = found.find(body.get("user"), "iam_user")
            if user is not None:
                user.groups.extend(
                    g for g in (_group_name(v, found) for v in as_list(body.get("groups"))) if g
                )
        elif block.type == "aws_iam_group_membership":
            group = _group_name(body.get("group"), found)
            for ref in as_list(body.get("users")):
                user = found.find(ref, "iam_user")
                if user is not None and group:
                    user.groups.append(group)
    if found.by_address:
        add_principals(decl, list(found.by_address.values()))
    _security_groups(module, decl)


def _group_name(value: Any, found: _Principals) -> str | None:
    group = found.find(value, "iam_group")
    return group.name if group is not None else found.module.text(value)


def _ports(rule: Mapping[str, Any], module: Module) -> tuple[int, int, str]:
    low = module.text(rule.get("from_port"))
    high = module.text(rule.get("to_port"))
    proto = (module.text(rule.get("protocol")) or module.text(rule.get("ip_protocol")) or "tcp").lower()
    try:
        lo, hi = int(low or 0), int(high or 65535)
    except ValueError:
        lo, hi = 0, 65535
    if proto in ("-1", "all"):
        lo, hi = 0, 65535
    return lo, hi, proto


def _security_groups(module: Module, decl: Declarations) -> None:
    """Ingress rules open to 0.0.0.0/0 or ::/0, with the sensitive ports they expose."""
    open_rules: list[dict[str, Any]] = []

    def judge(block: Block, rule: Mapping[str, Any], cidrs: list[str]) -> None:
        world = sorted(set(cidrs) & _WORLD)
        if not world:
            return
        lo, hi, proto = _ports(rule, module)
        exposed = sorted(f"{port} ({name})" for port, name in SENSITIVE_PORTS.items() if lo <= port <= hi)
        open_rules.append(
            {
                "group": block.address,
                "name": module.text(block.body.get("name")) or block.name,
                "cidrs": world,
                "ports": f"{lo}-{hi}" if lo != hi else str(lo),
                "protocol": proto,
                "all_ports": lo == 0 and hi >= 65535,
                "sensitive_ports": exposed,
                "provenance": provenance(block.rel, block.line, block.address),
            }
        )

    for block in module.of_type("aws_security_group"):
        for rule in as_list(block.body.get("ingress")):
            if isinstance(rule, Mapping):
                cidrs = [str(plain(c)) for c in as_list(module.resolve(rule.get("cidr_blocks")))]
                cidrs += [str(plain(c)) for c in as_list(module.resolve(rule.get("ipv6_cidr_blocks")))]
                judge(block, rule, cidrs)
    for block in module.of_type("aws_security_group_rule"):
        if (module.text(block.body.get("type")) or "").lower() == "ingress":
            cidrs = [str(plain(c)) for c in as_list(module.resolve(block.body.get("cidr_blocks")))]
            cidrs += [str(plain(c)) for c in as_list(module.resolve(block.body.get("ipv6_cidr_blocks")))]
            judge(block, block.body, cidrs)
    for block in module.of_type("aws_vpc_security_group_ingress_rule"):
        cidrs = [
            c
            for c in (module.text(block.body.get("cidr_ipv4")), module.text(block.body.get("cidr_ipv6")))
            if c
        ]
        judge(block, block.body, cidrs)
    if module.of_type("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"):
        decl.facts.setdefault("security_groups", []).extend(open_rules)
        decl.facts["security_groups_declared"] = True
