"""Vault ACL parsing and path matching (glob, `+` segments, priority, deny wins)."""

from __future__ import annotations

import pytest

from auditor.collectors.vault_policy import (
    Acl,
    VaultPolicyError,
    broad_paths,
    evaluate,
    matches,
    parse_policy,
)
from auditor.model import AccessLevel

POLICY = """
path "secret/data/*" { capabilities = ["read", "list"] }
path "secret/data/app/+/db" { capabilities = ["update"] }
path "secret/data/app/team/db" { capabilities = ["delete"] }
path "sys/policies/acl/*" { capabilities = ["create", "update"] }
"""


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("secret/*", "secret/data/x", True),
        ("secret/*", "secret/", True),
        ("secret/*", "secre", False),
        ("secret/+/x", "secret/data/x", True),
        ("secret/+/x", "secret/data/more/x", False),
        ("secret/data/x", "secret/data/xy", False),
        ("secret/da*ta", "secret/daXta", False),
    ],
)
def test_matches(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_priority_rules_and_deny() -> None:
    acl = Acl(
        parse_policy("a", POLICY)
        + parse_policy("b", 'path "secret/data/blocked" { capabilities = ["deny"] }')
    )
    assert acl.capabilities("secret/data/anything") == {"read", "list"}
    # `+` later in the path beats the earlier glob; an exact path beats both.
    assert acl.capabilities("secret/data/app/x/db") == {"update"}
    assert acl.capabilities("secret/data/app/team/db") == {"delete"}
    assert acl.capabilities("secret/data/blocked") == frozenset()
    assert acl.capabilities("sys/mounts") == frozenset()


def test_same_path_in_two_policies_merges_and_deny_wins() -> None:
    a = parse_policy("a", 'path "kv/x" { capabilities = ["read"] }')
    b = parse_policy("b", 'path "kv/x" { capabilities = ["update"] }')
    c = parse_policy("c", 'path "kv/x" { capabilities = ["deny"] }')
    assert Acl(a + b).capabilities("kv/x") == {"read", "update"}
    assert Acl(a + b + c).capabilities("kv/x") == frozenset()


def test_levels_sudo_and_control_plane_writes_are_admin() -> None:
    acl = Acl(parse_policy("a", POLICY + 'path "secret/data/s" { capabilities = ["sudo", "read"] }'))
    reach = {
        (c.resource, c.action): c.level
        for c in evaluate(acl, ["sys/policies/acl/x", "secret/data/s", "secret/data/q"])
    }
    assert reach[("sys/policies/acl/x", "update")] == AccessLevel.ADMIN
    assert reach[("secret/data/s", "sudo")] == AccessLevel.ADMIN
    assert reach[("secret/data/q", "read")] == AccessLevel.READ
    assert reach[("secret/data/q", "list")] == AccessLevel.LIST


def test_broad_paths_and_legacy_syntax() -> None:
    rules = parse_policy("x", 'path "*" { capabilities = ["sudo"] }\npath "sys/*" { policy = "write" }')
    assert set(broad_paths(rules)) == {"*", "sys/*"}
    assert "update" in rules[1].capabilities
    assert broad_paths(parse_policy("y", 'path "*" { capabilities = ["deny"] }')) == ()


def test_root_allows_everything_and_bad_hcl_is_a_clear_error() -> None:
    assert "sudo" in Acl([], root=True).capabilities("sys/seal")
    with pytest.raises(VaultPolicyError, match="policy 'bad'"):
        parse_policy("bad", 'path "x" {{{')
