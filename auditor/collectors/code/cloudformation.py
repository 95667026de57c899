"""CloudFormation / SAM templates (YAML with intrinsic tags, or JSON) -> IAM principals, security groups."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from auditor.collectors.code.aws_model import MANAGED_PREFIX, SENSITIVE_PORTS, IamPrincipal, add_principals
from auditor.collectors.code.interface import Declarations, line_of, provenance

_WORLD = frozenset({"0.0.0.0/0", "::/0"})


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that turns `!Ref X` / `!GetAtt X.Arn` / `!Sub ...` into their JSON forms."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_template(text: str, rel: str) -> Mapping[str, Any] | None:
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else yaml.load(text, Loader=_CfnLoader)  # noqa: S506
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    if isinstance(data, Mapping) and isinstance(data.get("Resources"), Mapping):
        return data
    return None


def _ref(value: Any) -> str | None:
    if isinstance(value, Mapping):
        if "Ref" in value:
            return str(value["Ref"])
        att = value.get("Fn::GetAtt")
        if isinstance(att, list) and att:
            return str(att[0])
    return None


def _sub(text: str, params: Mapping[str, str]) -> str:
    return re.sub(r"\$\{([\w:]+)\}", lambda m: params.get(m.group(1), m.group(0)), text)


def _str(value: Any, params: Mapping[str, str]) -> str | None:
    """A plain string: literals, `!Sub` and `!Ref` of parameters resolved with their defaults."""
    if isinstance(value, str | int):
        return _sub(str(value), params)
    if isinstance(value, Mapping) and isinstance(value.get("Fn::Sub"), str):
        return _sub(str(value["Fn::Sub"]), params)
    if isinstance(value, Mapping) and "Ref" in value and str(value["Ref"]) in params:
        return params[str(value["Ref"])]
    return None


def _doc(value: Any) -> Any:
    """Policy documents keep intrinsic functions as text (`${AWS::AccountId}`): IAM matching tolerates it."""
    if isinstance(value, Mapping):
        if "Fn::Sub" in value and isinstance(value["Fn::Sub"], str):
            return value["Fn::Sub"]
        if _ref(value) is not None and len(value) == 1:
            return "${" + str(_ref(value)) + "}"
        if "Fn::Join" in value and isinstance(value["Fn::Join"], list) and len(value["Fn::Join"]) == 2:
            sep, parts = value["Fn::Join"]
            return str(sep).join(str(_doc(p)) for p in parts or ())
        return {k: _doc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_doc(v) for v in value]
    return value


def logical_key_line(logical: str) -> str:
    """The line declaring a logical id as a key (YAML `Name:`, JSON `"Name":`). Indentation is spaces and tabs
    on that line only: `^\\s*` crossed blank lines (quadratic on a long run of them, and the match started
    at the first blank line, which gave the resource that line's number)."""
    return rf'^[ \t]{{0,256}}"?{re.escape(logical)}"?[ \t]{{0,256}}:'


def collect_template(template: Mapping[str, Any], text: str, rel: str, decl: Declarations) -> None:
    resources: Mapping[str, Any] = template["Resources"]
    params = {"AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}
    for pname, spec in (template.get("Parameters") or {}).items():
        if isinstance(spec, Mapping) and isinstance(spec.get("Default"), str | int):
            params[str(pname)] = str(spec["Default"])
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    def line(logical: str) -> int:
        m = re.search(logical_key_line(logical), text, re.M)
        return line_of(text, m.start()) if m else 1

    principals: dict[str, IamPrincipal] = {}
    kinds = {"AWS::IAM::User": "iam_user", "AWS::IAM::Role": "iam_role", "AWS::IAM::Group": "iam_group"}
    name_keys = {"iam_user": "UserName", "iam_role": "RoleName", "iam_group": "GroupName"}
    for logical, res in resources.items():
        if not isinstance(res, Mapping) or res.get("Type") not in kinds:
            continue
        kind = kinds[str(res["Type"])]
        props: Mapping[str, Any] = res["Properties"] if isinstance(res.get("Properties"), Mapping) else {}
        p = IamPrincipal(
            kind=kind,
            name=_str(props.get(name_keys[kind]), params) or str(logical),
            address=f"{stem}/{logical}",
            rel=rel,
            line=line(str(logical)),
            path=_str(props.get("Path"), params) or "/",
            tags={
                str(t.get("Key")): str(t.get("Value"))
                for t in props.get("Tags") or ()
                if isinstance(t, Mapping)
            },
        )
        for pol in props.get("Policies") or ():
            if isinstance(pol, Mapping):
                p.documents.append(
                    (str(_str(pol.get("PolicyName"), params) or "inline"), _doc(pol.get("PolicyDocument")))
                )
        for arn in props.get("ManagedPolicyArns") or ():
            _attach(p, arn, resources, params)
        if kind == "iam_role":
            p.trust = _doc(props.get("AssumeRolePolicyDocument"))
            duration = props.get("MaxSessionDuration")
            p.max_session_duration = int(duration) if isinstance(duration, int) else None
        if kind == "iam_user":
            p.login_profile = True if props.get("LoginProfile") else None
            p.groups.extend(g for g in (_str(x, params) or _ref(x) for x in props.get("Groups") or ()) if g)
        boundary = props.get("PermissionsBoundary")
        if boundary is not None:
            ref = _ref(boundary)
            target = resources.get(ref) if ref else None
            if isinstance(target, Mapping) and isinstance(target.get("Properties"), Mapping):
                p.boundary = _doc(target["Properties"].get("PolicyDocument"))
            else:
                p.boundary = _str(boundary, params)
        principals[str(logical)] = p
    for logical, res in resources.items():
        if not isinstance(res, Mapping):
            continue
        rtype = res.get("Type")
        props = res["Properties"] if isinstance(res.get("Properties"), Mapping) else {}
        if rtype in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            doc = _doc(props.get("PolicyDocument"))
            name = (
                _str(props.get("PolicyName"), params)
                or _str(props.get("ManagedPolicyName"), params)
                or str(logical)
            )
            for key in ("Users", "Roles", "Groups"):
                for target in props.get(key) or ():
                    holder = _find(principals, target, params)
                    if holder is not None:
                        holder.documents.append((name, doc))
        elif rtype == "AWS::IAM::AccessKey":
            owner = _find(principals, props.get("UserName"), params)
            if owner is not None:
                active = str(props.get("Status") or "Active").lower() == "active"
                owner.keys.append((f"{stem}/{logical}", rel, line(str(logical)), active))
        elif rtype == "AWS::IAM::UserToGroupAddition":
            group = _find(principals, props.get("GroupName"), params)
            for user in props.get("Users") or ():
                member = _find(principals, user, params)
                if member is not None and group is not None:
                    member.groups.append(group.name)
        elif rtype in ("AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"):
            rules = props.get("SecurityGroupIngress") if rtype == "AWS::EC2::SecurityGroup" else [props]
            for rule in rules or ():
                if not isinstance(rule, Mapping):
                    continue
                cidrs = {str(rule.get("CidrIp") or ""), str(rule.get("CidrIpv6") or "")} & _WORLD
                if cidrs:
                    ports = _ports(rule, params)
                    if ports is None:
                        # `FromPort: !Ref Port` with no default, `!FindInMap`: not known offline.
                        decl.skip(
                            f"{rel}:{line(str(logical))}",
                            f"{stem}/{logical}: an ingress rule open to {', '.join(sorted(cidrs))} on a "
                            "port the template does not fix (a parameter without a default, a function)",
                            "partial",
                        )
                        continue
                    lo, hi = ports
                    decl.facts.setdefault("security_groups", []).append(
                        {
                            "group": f"{stem}/{logical}",
                            "name": str(logical),
                            "cidrs": sorted(cidrs),
                            "ports": f"{lo}-{hi}" if lo != hi else str(lo),
                            "protocol": str(rule.get("IpProtocol")),
                            "all_ports": lo == 0 and hi >= 65535,
                            "sensitive_ports": sorted(
                                f"{port} ({name})"
                                for port, name in SENSITIVE_PORTS.items()
                                if lo <= port <= hi
                            ),
                            "provenance": provenance(rel, line(str(logical)), f"{stem}/{logical}"),
                        }
                    )
            decl.facts["security_groups_declared"] = True
    if principals:
        add_principals(decl, list(principals.values()))
    decl.files.add(rel)


def _ports(rule: Mapping[str, Any], params: Mapping[str, str]) -> tuple[int, int] | None:
    """An ingress rule's port range; None when a port is not known offline."""
    if str(rule.get("IpProtocol")) == "-1":
        return 0, 65535
    lo, hi = _port(rule.get("FromPort", 0), params), _port(rule.get("ToPort", 65535), params)
    return (lo, hi) if lo is not None and hi is not None else None


def _port(value: Any, params: Mapping[str, str]) -> int | None:
    """A port as written (`5432`, `"5432"`) or through a parameter's default; None when not known offline."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = _str(value, params)
    return int(text) if text is not None and text.strip().isdigit() else None


def _find(
    principals: Mapping[str, IamPrincipal], value: Any, params: Mapping[str, str]
) -> IamPrincipal | None:
    ref = _ref(value)
    if ref is not None:
        return principals.get(ref)
    name = _str(value, params)
    return next((p for p in principals.values() if p.name == name), None)


def _attach(p: IamPrincipal, arn: Any, resources: Mapping[str, Any], params: Mapping[str, str]) -> None:
    ref = _ref(arn)
    if ref is not None:
        target = resources.get(ref)
        if isinstance(target, Mapping) and isinstance(target.get("Properties"), Mapping):
            p.documents.append((ref, _doc(target["Properties"].get("PolicyDocument"))))
            return
    text = _str(arn, params)
    if text and text.startswith(MANAGED_PREFIX):
        p.managed.append(text)
    else:
        p.unresolved.append(f"policy {text or ref}")
