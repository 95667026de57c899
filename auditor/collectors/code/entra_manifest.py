"""Entra app manifests -> EntraApp: Teams Toolkit `aad.manifest.json` (names or GUIDs), the classic Azure AD
manifest (`endDate`/`startDate`), and Graph `application` JSON (`endDateTime`/`startDateTime`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from auditor.collectors.code.entra_model import GRAPH_APP_ID, KNOWN_RESOURCES, EntraApp
from auditor.collectors.code.interface import line_of

_RESOURCE_NAMES = {name.lower(): app_id for app_id, name in KNOWN_RESOURCES.items()}
# Teams Toolkit placeholders (`${{AAD_APP_CLIENT_ID}}`) are filled at provisioning: not an id yet.
_PLACEHOLDER = re.compile(r"\$\{\{[^}]*\}\}|\$\{[^}]*\}")


def looks_like_app(data: Any) -> bool:
    return isinstance(data, Mapping) and (
        "requiredResourceAccess" in data
        or (
            ("passwordCredentials" in data or "keyCredentials" in data)
            and ("appId" in data or "displayName" in data)
        )
    )


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip() or _PLACEHOLDER.search(value):
        return None
    return value.strip()


def _line(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = text.find(needle, start)
    return (line_of(text, at), at) if at >= 0 else (1, start)


def app_from_manifest(data: Mapping[str, Any], text: str, rel: str) -> EntraApp:
    name = _text(data.get("displayName")) or _text(data.get("name")) or rel.rsplit("/", 1)[-1]
    line, _ = _line(text, '"requiredResourceAccess"')
    app = EntraApp(
        name=name,
        address=f"manifest:{rel}",
        rel=rel,
        line=line if '"requiredResourceAccess"' in text else 1,
        app_id=_text(data.get("appId")),
        object_id=_text(data.get("id")) or _text(data.get("objectId")),
        sign_in_audience=_text(data.get("signInAudience")),
    )
    for rra in data.get("requiredResourceAccess") or ():
        if not isinstance(rra, Mapping):
            continue
        raw = str(rra.get("resourceAppId") or "")
        resource = _RESOURCE_NAMES.get(raw.lower(), raw) or GRAPH_APP_ID
        for access in rra.get("resourceAccess") or ():
            if isinstance(access, Mapping) and access.get("id"):
                app.access.append(
                    (resource, str(access["id"]), str(access.get("type") or "Scope"), "requested")
                )
    search_from = 0
    for field_name, target in (("passwordCredentials", app.secrets), ("keyCredentials", app.certificates)):
        block_line, search_from = _line(text, f'"{field_name}"')
        for i, cred in enumerate(data.get(field_name) or ()):
            if not isinstance(cred, Mapping):
                continue
            key_id = _text(cred.get("keyId"))
            cred_line = _line(text, key_id, search_from)[0] if key_id else block_line
            target.append(
                {
                    "key_id": key_id or f"{rel}#{field_name}[{i}]",
                    "display_name": _text(cred.get("displayName")) or _text(cred.get("customKeyIdentifier")),
                    "start": _text(cred.get("startDateTime")) or _text(cred.get("startDate")),
                    "end": _text(cred.get("endDateTime")) or _text(cred.get("endDate")),
                    "rel": rel,
                    "line": cred_line,
                }
            )
    return app
