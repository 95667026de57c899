"""Vault resources in Terraform (hashicorp/vault) -> policies, AppRoles, auth roles, tokens, mounts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditor.collectors.code.terraform import Block, Module, as_list, plain
from auditor.collectors.code.vault_model import VaultCode, VaultRole, auth_mount, policy_names
from auditor.collectors.vault_facts import DYNAMIC_ENGINES

# Auth backend roles of other methods carry the same token_* fields as AppRole.
_AUTH_ROLES = {
    "vault_kubernetes_auth_backend_role": ("kubernetes", "role_name"),
    "vault_jwt_auth_backend_role": ("jwt", "role_name"),
    "vault_aws_auth_backend_role": ("aws", "role"),
    "vault_gcp_auth_backend_role": ("gcp", "role"),
    "vault_azure_auth_backend_role": ("azure", "role"),
    "vault_cert_auth_backend_role": ("cert", "name"),
}


def _settings(block: Block, module: Module) -> dict[str, Any]:
    return {
        k: plain(module.resolve(v))
        for k, v in block.body.items()
        if not isinstance(v, list)
        or k.endswith(("cidrs", "policies", "names", "namespaces", "audiences", "claims"))
    }


def _policies(value: Any, module: Module) -> list[str]:
    names: list[str] = []
    for item in as_list(module.resolve(value)):
        block, rest = module.ref(item)
        if block is not None and block.type == "vault_policy":
            names.append(module.text(block.body.get("name")) or block.name)
        else:
            names.extend(policy_names(plain(item)))
    return names


def _mount_of(value: Any, module: Module, default: str) -> str:
    block, _ = module.ref(value)
    if block is not None and block.type in ("vault_auth_backend", "vault_mount"):
        return auth_mount(
            module.text(block.body.get("path")) or module.text(block.body.get("type")) or default
        )
    return auth_mount(module.text(value) or default)


def collect_vault(module: Module, vault: VaultCode) -> None:
    for block in module.of_type("vault_policy"):
        name = module.text(block.body.get("name")) or block.name
        text = module.text(block.body.get("policy"))
        if text is None:
            ref_block, _ = module.ref(block.body.get("policy"))
            if ref_block is not None and ref_block.type == "vault_policy_document":
                text = _policy_document(ref_block, module)
        if text is None:
            vault.policy_errors.append(name)
            vault.policy_origin[name] = {
                "source": "code",
                "path": block.rel,
                "line": block.line,
                "address": block.address,
                "error": "policy text not resolvable offline",
            }
            continue
        vault.add_policy(name, text, block.rel, block.line, block.address)
    for block in module.of_type("vault_approle_auth_backend_role"):
        s = _settings(block, module)
        vault.roles.append(
            VaultRole(
                kind="vault_approle",
                name=module.text(block.body.get("role_name")) or block.name,
                mount=_mount_of(block.body.get("backend"), module, "approle"),
                rel=block.rel,
                line=block.line,
                address=block.address,
                policies=_policies(block.body.get("token_policies") or block.body.get("policies"), module),
                settings=s,
            )
        )
    for rtype, (method, name_key) in _AUTH_ROLES.items():
        for block in module.of_type(rtype):
            vault.roles.append(
                VaultRole(
                    kind="vault_auth_role",
                    name=module.text(block.body.get(name_key)) or block.name,
                    mount=_mount_of(block.body.get("backend"), module, method),
                    rel=block.rel,
                    line=block.line,
                    address=block.address,
                    policies=_policies(block.body.get("token_policies"), module),
                    settings=_settings(block, module),
                )
            )
    for block in module.of_type("vault_token"):
        vault.roles.append(
            VaultRole(
                kind="vault_token",
                name=module.text(block.body.get("display_name")) or block.name,
                mount="auth/token/",
                rel=block.rel,
                line=block.line,
                address=block.address,
                policies=_policies(block.body.get("policies"), module),
                settings=_settings(block, module),
            )
        )
    for block in module.of_type("vault_auth_backend"):
        mtype = module.text(block.body.get("type")) or block.name
        vault.auth_mounts[auth_mount(module.text(block.body.get("path")) or mtype)] = {
            "type": mtype,
            "provenance": {"source": "code", "path": block.rel, "line": block.line},
        }
    for block in module.of_type("vault_mount", "vault_database_secrets_mount", "vault_aws_secret_backend"):
        mtype = module.text(block.body.get("type")) or {
            "vault_database_secrets_mount": "database",
            "vault_aws_secret_backend": "aws",
        }.get(block.type, "kv")
        path = auth_mount(module.text(block.body.get("path")) or mtype)
        vault.mounts[path] = {
            "type": mtype,
            "dynamic": mtype in DYNAMIC_ENGINES,
            "version": str(plain((module.resolve(block.body.get("options")) or {}).get("version")))
            if isinstance(module.resolve(block.body.get("options")), Mapping)
            else None,
        }
    for block in module.of_type("vault_audit"):
        vault.audit_devices.append(
            {
                "path": module.text(block.body.get("path")) or block.name,
                "type": module.text(block.body.get("type")),
                "provenance": {"source": "code", "path": block.rel, "line": block.line},
            }
        )


def _policy_document(block: Block, module: Module) -> str | None:
    """`data "vault_policy_document"` rule blocks -> policy HCL text."""
    lines = []
    for rule in as_list(block.body.get("rule")):
        if not isinstance(rule, Mapping):
            continue
        path = module.text(rule.get("path"))
        caps = [str(plain(c)) for c in as_list(module.resolve(rule.get("capabilities")))]
        if path is None:
            return None
        lines.append(f'path "{path}" {{ capabilities = [{", ".join(chr(34) + c + chr(34) for c in caps)}] }}')
    return "\n".join(lines)
