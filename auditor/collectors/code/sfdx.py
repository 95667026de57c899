"""Salesforce metadata (SFDX `force-app` source or mdapi) -> the Salesforce collector's model: connected apps
(OAuth policy, refresh-token policy, IP relaxation, admin approval, scopes), profiles and permission sets
(system and object permissions, API Only, login IP ranges), and scratch-org user definitions that tie a
username to a profile and permission sets."""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ET  # noqa: S405 - expat >= 2.4.1 bounds entity expansion; no external entities
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.collectors.code.interface import Declarations, line_of, provenance
from auditor.model import AccessLevel, Capability, Identity, Platform

# Standard profiles are stored under their API names.
PROFILE_NAMES = {
    "Admin": "System Administrator",
    "Standard": "Standard User",
    "ReadOnly": "Read Only",
    "SolutionManager": "Solution Manager",
    "MarketingProfile": "Marketing User",
    "ContractManager": "Contract Manager",
    "StandardAul": "Standard Platform User",
}
_OBJECT_FLAGS = {
    "allowRead": ("read", AccessLevel.READ),
    "allowCreate": ("create", AccessLevel.WRITE),
    "allowEdit": ("edit", AccessLevel.WRITE),
    "allowDelete": ("delete", AccessLevel.WRITE),
    "viewAllRecords": ("view_all_records", AccessLevel.READ),
    "modifyAllRecords": ("modify_all_records", AccessLevel.ADMIN),
}
# Scopes that hand the app everything the user can do (Full) or a token that outlives the session.
BROAD_SCOPES = frozenset({"Full", "RefreshToken", "Api", "Web"})


def metadata_kind(rel: str) -> str | None:
    name = rel.rsplit("/", 1)[-1]
    for suffix, kind in (
        (".connectedApp-meta.xml", "connected_app"),
        (".connectedApp", "connected_app"),
        (".profile-meta.xml", "profile"),
        (".profile", "profile"),
        (".permissionset-meta.xml", "permission_set"),
        (".permissionset", "permission_set"),
    ):
        if name.endswith(suffix):
            return kind
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(elem: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in elem if _local(c.tag) == name]


def _text(elem: ET.Element, name: str) -> str | None:
    found = _children(elem, name)
    return (found[0].text or "").strip() if found else None


def _true(value: str | None) -> bool | None:
    return None if value is None else value.strip().lower() == "true"


def _line(text: str, needle: str) -> int:
    at = text.find(needle)
    return line_of(text, at) if at >= 0 else 1


@dataclass
class SalesforceCode:
    """Metadata gathered from every file, joined (users to profiles and permission sets) at the end."""

    grants: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (kind, name) -> parsed
    users: list[dict[str, Any]] = field(default_factory=list)
    apps: list[Identity] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add_file(self, rel: str, text: str, kind: str) -> None:
        try:
            root = ET.fromstring(text)  # noqa: S314 - see the import note
        except ET.ParseError as exc:
            self.errors.append((rel, f"not valid XML ({exc.msg if hasattr(exc, 'msg') else 'parse error'})"))
            return
        stem = urllib.parse.unquote(rel.rsplit("/", 1)[-1].split(".", 1)[0])
        if kind == "connected_app":
            self.apps.append(_connected_app(root, text, rel, stem))
        else:
            self.grants[(kind, stem)] = _grants(root, text, rel, stem, kind)

    def add_user_definition(self, data: Mapping[str, Any], text: str, rel: str) -> None:
        username = data.get("Username") or data.get("username")
        profile = data.get("profileName") or data.get("ProfileName")
        if not isinstance(profile, str):
            return
        self.users.append(
            {
                "username": str(username) if username else rel.rsplit("/", 1)[-1],
                "profile": profile,
                "permsets": [str(p) for p in data.get("permsets") or data.get("permissionSets") or ()],
                "rel": rel,
                "line": _line(text, '"profileName"'),
            }
        )

    def build(self, decl: Declarations) -> None:
        for rel, reason in self.errors:
            decl.skip(rel, reason, "parse_error")
        for app in self.apps:
            decl.add(app)
            decl.files.add(str(app.attributes["provenance"]["path"]))
        by_name: dict[str, dict[str, Any]] = {}
        for (kind, stem), grant in sorted(self.grants.items()):
            by_name.setdefault(grant["name"], grant)
            by_name.setdefault(stem, grant)
            ident_id = f"{kind}:{grant['name']}"
            decl.add(
                Identity(
                    Platform.SALESFORCE,
                    id=ident_id,
                    name=grant["name"],
                    kind=kind,
                    attributes={k: v for k, v in grant.items() if k != "caps"},
                    aliases=tuple(dict.fromkeys((grant["name"], stem, grant.get("label") or stem))),
                ),
                set(grant["caps"]),
            )
            decl.files.add(grant["provenance"]["path"])
        for user in self.users:
            parts = [by_name.get(user["profile"])] + [by_name.get(p) for p in user["permsets"]]
            known = [p for p in parts if p is not None]
            missing = [
                n for n, p in zip([user["profile"], *user["permsets"]], parts, strict=True) if p is None
            ]
            profile = known[0] if parts[0] is not None else None
            system = sorted({s for p in known for s in p["system_permissions"]})
            complete = not missing
            decl.add(
                Identity(
                    Platform.SALESFORCE,
                    id=f"user:{user['username']}",
                    name=user["username"],
                    kind="user",
                    attributes={
                        "profile": user["profile"],
                        "active": True,
                        # Unknown (None) unless every granting file is in the repository.
                        "api_only": ("ApiUserOnly" in system)
                        if complete
                        else (True if "ApiUserOnly" in system else None),
                        "login_ip_ranges": profile["login_ip_ranges"] if profile is not None else None,
                        "system_permissions": system if complete else None,
                        "permission_sets": [{"name": p} for p in user["permsets"]],
                        "reach_complete": complete,
                        "password_changed": None,
                        "provenance": provenance(user["rel"], user["line"]),
                    },
                    aliases=(user["username"],),
                ),
                {c for p in known for c in p["caps"]},
            )
            if missing:
                decl.skip(
                    f"{user['rel']}:{user['line']}",
                    f"{user['username']}: not in the scanned metadata: {', '.join(missing)}",
                )


def _grants(root: ET.Element, text: str, rel: str, stem: str, kind: str) -> dict[str, Any]:
    label = _text(root, "label")
    name = PROFILE_NAMES.get(stem, stem) if kind == "profile" else stem
    system = sorted(
        n
        for up in _children(root, "userPermissions")
        if (n := _text(up, "name")) and _true(_text(up, "enabled"))
    )
    from auditor.collectors.salesforce import SYSTEM_PERMISSIONS  # on use: a static scan never loads the SDK

    caps = {
        Capability(Platform.SALESFORCE.value, "org", p, SYSTEM_PERMISSIONS[p])
        for p in system
        if p in SYSTEM_PERMISSIONS
    }
    for op in _children(root, "objectPermissions"):
        obj = _text(op, "object")
        for flag, (action, level) in _OBJECT_FLAGS.items():
            if obj and _true(_text(op, flag)):
                caps.add(Capability(Platform.SALESFORCE.value, obj, action, level))
    ranges = [
        f"{_text(r, 'startAddress')}-{_text(r, 'endAddress')}" for r in _children(root, "loginIpRanges")
    ]
    first = next(
        (f"<name>{p}</name>" for p in ("ModifyAllData", "ViewAllData", "ApiUserOnly") if p in system), None
    )
    return {
        "name": name,
        "label": label,
        "system_permissions": system,
        "api_only": "ApiUserOnly" in system,
        "login_ip_ranges": ranges if kind == "profile" else None,
        "caps": caps,
        "provenance": provenance(rel, _line(text, first) if first else 1, f"{kind}:{name}"),
    }


def _connected_app(root: ET.Element, text: str, rel: str, stem: str) -> Identity:
    oauth = next(iter(_children(root, "oauthConfig")), None)
    policy = next(iter(_children(root, "oauthPolicy")), None)
    scopes = sorted(s.text.strip() for s in _children(oauth, "scopes") if s.text) if oauth is not None else []
    consumer_key = _text(oauth, "consumerKey") if oauth is not None else None
    if consumer_key and not re.fullmatch(r"3MVG[\w.]{20,}", consumer_key):
        consumer_key = None  # placeholders ("AUTO_GENERATED", empty) are not join keys
    refresh = (_text(policy, "refreshTokenPolicy") if policy is not None else None) or ""
    relax = (_text(policy, "ipRelaxation") if policy is not None else None) or ""
    label = _text(root, "label") or stem
    line = _line(text, "<oauthPolicy>") if policy is not None else _line(text, "<oauthConfig>")
    attributes: dict[str, Any] = {
        "label": label,
        "admin_approved_only": _true(_text(oauth, "isAdminApproved")) if oauth is not None else None,
        "refresh_token_policy": refresh or None,
        # No policy in metadata is Salesforce's default: refresh tokens valid until revoked.
        "refresh_token_never_expires": refresh.lower() in ("", "infinite") and "RefreshToken" in scopes,
        "refresh_token_validity_period": _text(policy, "refreshTokenValidityPeriod")
        if policy is not None
        else None,
        "ip_relaxation": relax or "ENFORCE",
        "ip_restrictions_relaxed": bool(relax) and relax.upper() != "ENFORCE",
        "scopes": scopes,
        "broad_scopes": sorted(set(scopes) & {"Full"}),
        "pkce_required": _true(_text(oauth, "isPkceRequired")) if oauth is not None else None,
        "consumer_secret_optional": _true(_text(oauth, "isConsumerSecretOptional"))
        if oauth is not None
        else None,
        "client_credentials_enabled": _true(_text(oauth, "isClientCredentialEnabled"))
        if oauth is not None
        else None,
        "refresh_token_rotation": _true(_text(oauth, "isRefreshTokenRotationEnabled"))
        if oauth is not None
        else None,
        "provenance": provenance(rel, line, f"connected_app:{stem}"),
    }
    aliases = tuple(dict.fromkeys(a for a in (label, stem, consumer_key) if a))
    return Identity(
        Platform.SALESFORCE,
        id=f"connected_app:{stem}",
        name=label,
        kind="connected_app",
        attributes=attributes,
        aliases=aliases,
    )


def read_user_definition(text: str) -> Mapping[str, Any] | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if (
        isinstance(data, Mapping)
        and ("profileName" in data or "ProfileName" in data)
        and ("Username" in data or "permsets" in data or "LastName" in data)
    ):
        return data
    return None
