"""IAM policy evaluation and pagination of the AWS collector, without a server."""

from __future__ import annotations

from auditor.collectors.aws import _authorization_details, _State
from auditor.collectors.aws_policy import (
    ActionCatalog,
    capability_covers,
    grants_of,
    intersect,
    parse_document,
    summarise,
)
from auditor.model import AccessLevel, Capability
from auditor.progress import NullProgress

CATALOG = ActionCatalog()


def _summary(statements: list[dict]) -> object:
    sts = parse_document({"Version": "2012-10-17", "Statement": statements})
    return summarise(grants_of(sts, CATALOG), CATALOG, statements=sts, self_arns=("arn:aws:iam::1:user/me",))


def test_star_is_one_admin_capability() -> None:
    s = _summary([{"Effect": "Allow", "Action": "*", "Resource": "*"}])
    assert s.admin_equivalent
    assert s.reach == frozenset({Capability("aws", "*", "*", AccessLevel.ADMIN)})


def test_explicit_deny_and_levels() -> None:
    s = _summary(
        [
            {"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"},
            {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"},
        ]
    )
    actions = {c.action: c.level for c in s.reach}
    assert "s3:GetObject" not in actions
    assert actions["s3:GetBucketPolicy"] == AccessLevel.READ
    assert actions["s3:ListBucket"] == AccessLevel.LIST
    assert not s.admin_equivalent and not s.escalations


def test_conditional_deny_is_not_subtracted_and_network_condition_seen() -> None:
    s = _summary(
        [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
            {
                "Effect": "Deny",
                "Action": "*",
                "Resource": "*",
                "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
            },
        ]
    )
    assert any(c.action == "s3:GetObject" for c in s.reach)
    assert s.network_restricted


def test_notaction_excludes_iam_and_compacts_services() -> None:
    s = _summary([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])
    assert not s.admin_equivalent
    actions = {c.action for c in s.reach}
    assert "s3:*" in actions and not any(a.startswith("iam:") for a in actions)


def test_escalation_actions_are_admin() -> None:
    s = _summary(
        [
            {"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction"], "Resource": "*"},
            {"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::1:user/me"},
        ]
    )
    assert "iam:PassRole on *" in s.escalations
    assert "lambda:CreateFunction + iam:PassRole on *" in s.escalations
    # CreateAccessKey on its own user only is not an escalation.
    assert not any(e.startswith("iam:CreateAccessKey") for e in s.escalations)
    levels = {c.action: c.level for c in s.reach}
    assert levels["iam:PassRole"] == AccessLevel.ADMIN


def test_permissions_boundary_intersects() -> None:
    identity = grants_of(
        parse_document({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}), CATALOG
    )
    boundary = grants_of(
        parse_document(
            {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
        ),
        CATALOG,
    )
    assert intersect(identity, boundary) == {"s3:GetObject": {"arn:aws:s3:::b/*"}}


def test_url_encoded_document_is_parsed() -> None:
    sts = parse_document(
        "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
    )
    assert sts and sts[0].actions == ("s3:GetObject",)


def test_capability_covers_compacted_forms() -> None:
    narrow = Capability("aws", "arn:aws:s3:::b/k", "s3:GetObject", AccessLevel.READ)
    assert capability_covers(Capability("aws", "*", "*", AccessLevel.ADMIN), narrow)
    assert capability_covers(Capability("aws", "arn:aws:s3:::b/*", "s3:*", AccessLevel.WRITE), narrow)
    assert not capability_covers(Capability("aws", "*", "ec2:*", AccessLevel.WRITE), narrow)


class _FakePaginator:
    def __init__(self, pages: list[dict]) -> None:
        self.pages = pages

    def paginate(self, **_: object):
        yield from self.pages


class _FakeIam:
    def __init__(self, pages: list[dict]) -> None:
        self.pages = pages

    def get_paginator(self, name: str) -> _FakePaginator:
        assert name == "get_account_authorization_details"
        return _FakePaginator(self.pages)


def test_authorization_details_merges_every_page() -> None:
    pages = [
        {"UserDetailList": [{"UserName": "a"}], "RoleDetailList": [{"RoleName": "r1"}], "IsTruncated": True},
        {
            "UserDetailList": [{"UserName": "b"}],
            "RoleDetailList": [{"RoleName": "r2"}],
            "Policies": [{"Arn": "p"}],
        },
    ]
    merged = _authorization_details(_FakeIam(pages), _State(), NullProgress())
    assert [u["UserName"] for u in merged["UserDetailList"]] == ["a", "b"]
    assert [r["RoleName"] for r in merged["RoleDetailList"]] == ["r1", "r2"]
    assert merged["Policies"] == [{"Arn": "p"}]
