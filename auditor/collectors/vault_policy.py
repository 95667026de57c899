"""Vault ACL policies: parse the HCL and evaluate capabilities on a path with Vault's matching rules.

Pure functions (no hvac, no network). Matching follows Vault's documented priority: among the policy paths
that match a request path, P1 loses to P2 when (1) its first `+` or `*` comes earlier, (2) it ends in `*` and
P2 does not, (3) it has more `+` segments, (4) it is shorter, (5) it is lexicographically smaller. Policies
are merged per path string before matching (capabilities union; `deny` on a path in any policy wins for that
path).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from auditor.model import AccessLevel, Capability, Platform

PLATFORM = Platform.VAULT.value
CAPABILITIES = ("create", "read", "update", "patch", "delete", "list", "sudo", "deny")
_LEGACY = {
    "deny": ("deny",),
    "read": ("read", "list"),
    "write": ("create", "read", "update", "delete", "list"),
    "sudo": ("create", "read", "update", "delete", "list", "sudo"),
}
ALL_CAPS = frozenset(c for c in CAPABILITIES if c != "deny")
# Prefixes where a write changes who can do what: policies, auth methods, mounts, audit, tokens.
ADMIN_PREFIXES = ("sys/", "auth/", "identity/")


class VaultPolicyError(ValueError):
    """An ACL policy that cannot be parsed; the message names the policy, never a token."""


@dataclass(frozen=True)
class PathRule:
    """One `path "..." { capabilities = [...] }` block."""

    pattern: str
    capabilities: frozenset[str]
    policy: str = ""


def _unquote(value: object) -> str:
    text = str(value)
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


# Vault reads policies with HCL 1, which accepts layouts HCL 2 parsers reject or misread: an opening brace on
# the line after the label (python-hcl2 then drops the body silently), and commas between block items.
_BRACE_ON_NEXT_LINE = re.compile(r'^([ \t]*path[ \t]+"[^"\n]*")[ \t]*(?:#[^\n]*)?\n\s*\{', re.M)
_COMMA_BEFORE_CLOSE = re.compile(r'"(?:[^"\\\n]|\\.)*"|,(\s*)\}')  # strings are matched to be left alone


def _hcl1_layouts(text: str) -> str:
    text = _BRACE_ON_NEXT_LINE.sub(r"\1 {", text)
    return _COMMA_BEFORE_CLOSE.sub(lambda m: m.group(0) if m.group(0)[0] == '"' else m.group(1) + "}", text)


def _json_policy(name: str, text: str) -> dict[str, object]:
    import json

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise VaultPolicyError(f"policy {name!r}: not valid JSON") from exc
    if not isinstance(data, Mapping):
        raise VaultPolicyError(f"policy {name!r}: not a JSON policy object")
    paths = data.get("path") or {}
    # JSON policies write `"path": {"p": {...}}` or `"path": [{"p": {...}}]`; the HCL result is a list.
    return {"path": [paths] if isinstance(paths, Mapping) else list(paths)}


def parse_policy(name: str, text: str) -> tuple[PathRule, ...]:
    """The path rules of one policy in HCL (any brace layout) or JSON.

    Raises VaultPolicyError for text that is not a policy."""
    from auditor.extract.hclparse import parse_hcl  # python-hcl2, once per content

    if text.lstrip().startswith("{"):
        data: Mapping[str, object] = _json_policy(name, text)
    else:
        try:
            data = parse_hcl(_hcl1_layouts(text)) if text.strip() else {}
        except Exception as exc:  # noqa: BLE001 - the HCL parser raises several unrelated types
            raise VaultPolicyError(f"policy {name!r}: not valid HCL ({type(exc).__name__})") from exc
    rules: list[PathRule] = []
    blocks = data.get("path", []) or []
    for block in blocks if isinstance(blocks, list) else [blocks]:
        if not isinstance(block, Mapping):
            continue
        for raw_path, body in block.items():
            if str(raw_path).startswith("__"):
                continue
            body = body if isinstance(body, Mapping) else {}
            caps: set[str] = {_unquote(c).lower() for c in body.get("capabilities", []) or []}
            legacy = body.get("policy")
            if legacy is not None:
                caps.update(_LEGACY.get(_unquote(legacy).lower(), ()))
            rules.append(PathRule(_unquote(raw_path), frozenset(caps & set(CAPABILITIES)), name))
    return tuple(rules)


@functools.lru_cache(maxsize=8192)
def _matcher(pattern: str) -> re.Pattern[str]:
    glob = pattern.endswith("*")
    body = pattern[:-1] if glob else pattern
    parts = []
    for i, segment in enumerate(body.split("/")):
        if i:
            parts.append("/")
        parts.append("[^/]+" if segment == "+" else re.escape(segment))
    return re.compile("".join(parts) + (".*" if glob else "") + r"\Z")


def matches(pattern: str, path: str) -> bool:
    """Whether a policy path (with a trailing `*` glob and `+` segments) matches a request path."""
    return _matcher(pattern).match(path) is not None


def _priority(pattern: str) -> tuple[int, bool, int, int, str]:
    positions = [i for i in (pattern.find("+"), pattern.find("*")) if i >= 0]
    first_wild = min(positions) if positions else 1 << 30
    plus = sum(1 for seg in pattern.split("/") if seg == "+")
    return (first_wild, not pattern.endswith("*"), -plus, len(pattern), pattern)


class Acl:
    """The merged ACL of a set of policies: what a token holding all of them may do on a path."""

    def __init__(self, rules: Iterable[PathRule], *, root: bool = False) -> None:
        merged: dict[str, set[str]] = {}
        for rule in rules:
            merged.setdefault(rule.pattern, set()).update(rule.capabilities)
        self.root = root
        self.paths: dict[str, frozenset[str]] = {
            p: frozenset({"deny"}) if "deny" in caps else frozenset(caps) for p, caps in merged.items()
        }
        self._exact = {p: c for p, c in self.paths.items() if "+" not in p and not p.endswith("*")}
        self._wild = sorted(
            ((p, c) for p, c in self.paths.items() if p not in self._exact),
            key=lambda pc: _priority(pc[0]),
            reverse=True,
        )

    def rule_for(self, path: str) -> str | None:
        """The policy path that decides for a request path (the highest-priority match)."""
        if path in self._exact:
            return path
        for pattern, _ in self._wild:
            if matches(pattern, path):
                return pattern
        return None

    def capabilities(self, path: str) -> frozenset[str]:
        """Allowed capabilities on a path (empty when denied or unmatched)."""
        if self.root:
            return ALL_CAPS
        pattern = self.rule_for(path)
        if pattern is None:
            return frozenset()
        caps = self.paths[pattern]
        return frozenset() if "deny" in caps else caps


def capability_level(path: str, capability: str) -> AccessLevel:
    """How sensitive a capability is: sudo, and writes under sys/ auth/ identity/, are admin."""
    if capability == "sudo":
        return AccessLevel.ADMIN
    if capability in {"create", "update", "patch", "delete"}:
        return AccessLevel.ADMIN if path.startswith(ADMIN_PREFIXES) else AccessLevel.WRITE
    if capability == "list":
        return AccessLevel.LIST
    return AccessLevel.READ


def evaluate(acl: Acl, paths: Iterable[str]) -> frozenset[Capability]:
    """The reach of an ACL over concrete paths: one capability per (path, allowed capability)."""
    caps: set[Capability] = set()
    for path in paths:
        for cap in acl.capabilities(path):
            caps.add(Capability(PLATFORM, path, cap, capability_level(path, cap)))
    return frozenset(caps)


def broad_paths(rules: Iterable[PathRule]) -> tuple[str, ...]:
    """Policy paths of the `path "*"` class: a glob at the top or directly under sys/ or auth/."""
    out = []
    for rule in rules:
        if "deny" in rule.capabilities or not rule.capabilities:
            continue
        p = rule.pattern
        if p in {"*", "+", "+/*", "sys/*", "auth/*", "sys/+", "auth/+"} or (
            p.endswith("*") and "/" not in p[:-1]
        ):
            out.append(p)
    return tuple(out)
