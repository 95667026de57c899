"""Vault files in a repository: ACL policies (HCL in any brace layout, or JSON), AppRole role definitions
(`vault read -format=json auth/approle/role/x` output or the write payload), and Vault Agent configs."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from auditor.collectors.code.interface import line_of
from auditor.collectors.code.vault_model import VaultCode, VaultRole, auth_mount, policy_names

_APPROLE_KEYS = frozenset(
    {"secret_id_ttl", "token_policies", "secret_id_num_uses", "bind_secret_id", "token_ttl"}
)
_ROLE_PATH = re.compile(r"auth/([\w.-]+)/role/([\w.-]+)")


def _stem(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    for suffix in (".policy.hcl", ".policy.json", ".hcl", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


# A policy's `path "..."` stanza, its indentation on its own line (`^\s*` crossed blank lines: quadratic on
# a run of them, and the line reported was the first blank one).
POLICY_PATH = re.compile(r'^[ \t]{0,256}path[ \t]{1,256}"', re.M)


def is_policy_text(text: str) -> bool:
    return POLICY_PATH.search(text) is not None


def add_policy_file(vault: VaultCode, text: str, rel: str) -> None:
    m = POLICY_PATH.search(text)
    vault.add_policy(_stem(rel), text, rel, line_of(text, m.start()) if m else 1, rel)


def approle_settings(data: Any) -> Mapping[str, Any] | None:
    """The role fields of an AppRole JSON document (bare, or under `data` as `vault read` prints it)."""
    if (
        isinstance(data, Mapping)
        and isinstance(data.get("data"), Mapping)
        and _APPROLE_KEYS & set(data["data"])
    ):
        return data["data"]  # type: ignore[no-any-return]
    if isinstance(data, Mapping) and len(_APPROLE_KEYS & set(data)) >= 2:
        return data
    return None


def add_approle_file(vault: VaultCode, data: Mapping[str, Any], text: str, rel: str) -> None:
    role = approle_settings(data)
    if role is None:
        return
    name = str(data.get("role_name") or role.get("role_name") or _stem(rel))
    mount = "approle/"
    path = data.get("request_path") or data.get("path")
    if isinstance(path, str) and (m := _ROLE_PATH.search(path)):
        mount, name = auth_mount(m.group(1)), m.group(2)
    at = max(text.find('"token_policies"'), text.find('"secret_id_ttl"'), 0)
    vault.roles.append(
        VaultRole(
            kind="vault_approle",
            name=name,
            mount=mount,
            rel=rel,
            line=line_of(text, at),
            address=rel,
            policies=policy_names(role.get("token_policies") or role.get("policies")),
            settings=dict(role),
        )
    )


def add_agent_config(vault: VaultCode, text: str, rel: str) -> None:
    """Vault Agent / Proxy config: the auth method, whether the secret id file stays on disk, the address."""
    from auditor.extract.hclparse import parse_hcl  # the extractor parsed this text already: cached

    try:
        data = parse_hcl(text)
    except Exception:  # noqa: BLE001 - the HCL parser raises several unrelated types
        return
    methods = []
    for auto in data.get("auto_auth") or []:
        for method in (auto.get("method") or []) if isinstance(auto, Mapping) else []:
            if not isinstance(method, Mapping):
                continue
            for mtype, body in method.items() if "type" not in method else [(method.get("type"), method)]:
                config: dict[str, Any] = {}
                raw = body.get("config") if isinstance(body, Mapping) else None
                # `config { ... }` is a block (a list), `config = { ... }` an attribute (a map): both occur.
                for cfg in [raw] if isinstance(raw, Mapping) else raw or []:
                    if isinstance(cfg, Mapping):
                        config.update({str(k): v for k, v in cfg.items() if not str(k).startswith("__")})
                methods.append(
                    {
                        "type": str(mtype).strip('"'),
                        "role": config.get("role"),
                        # Vault Agent deletes the secret id file after reading unless told not to.
                        "keeps_secret_id_file": str(config.get("remove_secret_id_file_after_reading")).lower()
                        == "false",
                    }
                )
    if methods:
        at = text.find("auto_auth")
        vault.agent_configs.append({"path": rel, "line": line_of(text, at), "methods": methods})


def read_vault_json(vault: VaultCode, text: str, rel: str) -> bool:
    """A JSON file that is a Vault policy or an AppRole role; False when it is neither."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return False
    if isinstance(data, Mapping) and isinstance(data.get("path"), Mapping | list) and "capabilities" in text:
        vault.add_policy(_stem(rel), text, rel, 1, rel)
        return True
    if isinstance(data, Mapping) and approle_settings(data) is not None:
        add_approle_file(vault, data, text, rel)
        return True
    return False
