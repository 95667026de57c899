"""Which discovered files are infrastructure code or platform metadata that a code collector reads.

Decided from the name, and for JSON/YAML from a whole-buffer marker check (one Vectorscan pass, only on files
of those formats), so the static scan pays nothing measurable and code collectors never open other files.
"""

from __future__ import annotations

import functools

from auditor.extract.markers import MarkerSet

# What every ARM template's `$schema` ends with: deploymentTemplate.json, subscriptionDeploymentTemplate.json,
# managementGroupDeploymentTemplate.json, tenantDeploymentTemplate.json (not deploymentParameters.json).
ARM_SCHEMA = b"eploymentTemplate.json"

_JSON_YAML_MARKERS = (
    b"requiredResourceAccess",
    b"passwordCredentials",
    b"keyCredentials",
    b"AWSTemplateFormatVersion",
    b"AWS::IAM::",
    b"AWS::EC2::SecurityGroup",
    b"rbac.authorization.k8s.io",
    b"planned_values",
    b"resource_changes",
    b"secret_id_ttl",
    b"token_policies",
    b"capabilities",
    b"profileName",
    b"oauth_config",
    ARM_SCHEMA,
    b"default_permissions",
)
_SFDX_SUFFIXES = (
    ".connectedapp-meta.xml",
    ".connectedapp",
    ".profile-meta.xml",
    ".profile",
    ".permissionset-meta.xml",
    ".permissionset",
)

# Every ending iac_kind decides by name.
_NAMED_SUFFIXES = (".tf", ".tf.json", ".bicep", ".bicepparam", *_SFDX_SUFFIXES, ".hcl")


@functools.lru_cache(maxsize=1)
def markers() -> MarkerSet:
    return MarkerSet(_JSON_YAML_MARKERS, name="iac-markers")


def iac_kind(rel: str, fmt: str, data: bytes, *, marked: bool | None = None) -> str | None:
    """`terraform`, `terraform_json`, `terraform_plan`, `cloudformation`, `entra_manifest`, `vault_policy`,
    `vault_json`, `vault_agent`, `k8s_rbac`, `sfdx`, `sfdx_user`, `slack_manifest`, `bicep`, `arm_template`,
    `github_app`, or None.

    `marked`: what `markers().any(data)` says, when a combined pass over `data` already answered it."""
    name = rel.rsplit("/", 1)[-1].lower()
    if name.endswith(_NAMED_SUFFIXES):  # (one test for the ones below: most files end in none of them)
        if name.endswith(".tf"):
            return "terraform"
        if name.endswith(".tf.json"):
            return "terraform_json"
        if name.endswith((".bicep", ".bicepparam")):
            return "bicep"
        if name.endswith(_SFDX_SUFFIXES) and b"soap.sforce.com" in data[:4096]:
            return "sfdx"
        if name.endswith(".hcl"):
            if b"auto_auth" in data:
                return "vault_agent"
            if b"path" in data and b"capabilities" in data or b"policy" in data and b"path" in data:
                return "vault_policy"
            return None
    if fmt not in ("json", "yaml") or not (markers().any(data) if marked is None else marked):
        return None
    if fmt == "json":
        if ARM_SCHEMA in data[:4096] and b'"resources"' in data:
            # An Azure Resource Manager template (its `$schema` leads the file; a parameters file's schema
            # is deploymentParameters.json).
            return "arm_template"
        if b'"format_version"' in data and (
            b"planned_values" in data or b"resource_changes" in data or b'"values"' in data
        ):
            return "terraform_plan"
        if b"requiredResourceAccess" in data or b"passwordCredentials" in data or b"keyCredentials" in data:
            return "entra_manifest"
        if b"AWSTemplateFormatVersion" in data or b"AWS::IAM::" in data or b"AWS::EC2::SecurityGroup" in data:
            return "cloudformation"
        if b"profileName" in data:
            return "sfdx_user"
        if (
            b"secret_id_ttl" in data
            or b"token_policies" in data
            or (b'"path"' in data and b"capabilities" in data)
        ):
            return "vault_json"
        if b"default_permissions" in data:
            return "github_app"
        return "slack_manifest" if _slack_manifest(data) else None
    if b"AWSTemplateFormatVersion" in data or b"AWS::IAM::" in data or b"AWS::EC2::SecurityGroup" in data:
        return "cloudformation"
    if b"rbac.authorization.k8s.io" in data:
        return "k8s_rbac"
    if b"default_permissions" in data:
        return "github_app"
    return "slack_manifest" if _slack_manifest(data) else None


def _slack_manifest(data: bytes) -> bool:
    """A Slack app manifest: an `oauth_config` beside the manifest's other top-level sections."""
    return b"oauth_config" in data and (
        b"display_information" in data or b"bot_user" in data or b"token_rotation_enabled" in data
    )
