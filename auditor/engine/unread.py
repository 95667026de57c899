"""Which platform data each check reads, so a part a collector could not read makes its rules NotEvaluated.

A collector records what it could not read as `Unread` parts of its snapshot (unknown, never empty). A rule
whose check reads such a part cannot say "no finding": the evaluator adds one NotEvaluated per unread part it
depends on (subject: the platform for a platform-wide part, the identity id for a part of one identity).
Findings the check did produce from what was read are kept: they are real whatever else was missed.
"""

from __future__ import annotations

from collections.abc import Mapping

from auditor.engine.interface import Rule, RuleContext
from auditor.model import NotEvaluated, Platform

# Part names, as the collectors record them (docs/architecture.md lists them per platform).
AWS_PARTS = ("principals", "policies", "credential_report", "access_keys", "secrets")
VAULT_PARTS = ("tokens", "policies", "auth_mounts", "approle_roles", "audit_devices", "mounts", "kv_secrets")
SALESFORCE_PARTS = ("users", "permissions", "login_ip_ranges", "connected_apps", "oauth_tokens")
ENTRA_PARTS = (
    "service_principals",
    "applications",
    "app_permissions",
    "directory_roles",
    "delegated_grants",
    "owners",
    "federated_credentials",
    "baseline_user",
)
GITHUB_PARTS = (
    "tokens",
    "app_permissions",
    "org_memberships",
    "repositories",
    "org_settings",
    "org_repositories",
    "org_members",
    "outside_collaborators",
    "app_installations",
    "baseline_reach",
)
SLACK_PARTS = ("tokens", "scopes", "token_owner", "channels", "baseline_channels")

# check name -> the parts of its platform's snapshot it reads. A platform check missing here is taken to read
# every part (conservative: an unread part then makes it NotEvaluated rather than silently clean).
READS: Mapping[str, frozenset[str]] = {
    name: frozenset(parts)
    for name, parts in {
        "aws_static_key_used_by_agent": ("principals", "access_keys"),
        "aws_key_too_old": ("principals", "access_keys", "credential_report"),
        "aws_key_unused": ("principals", "access_keys", "credential_report"),
        "aws_two_active_keys": ("principals", "access_keys", "credential_report"),
        "aws_console_password_on_service_user": ("principals", "credential_report"),
        "aws_admin_privileges": ("principals", "policies"),
        "aws_privilege_escalation": ("principals", "policies"),
        "aws_key_without_network_condition": ("principals", "policies", "access_keys"),
        "aws_secret_rotation": ("secrets",),
        "vault_root_or_sudo_on_agent": ("tokens", "policies"),
        "vault_broad_policy": ("policies",),
        "vault_token_without_max": ("tokens",),
        "vault_approle_secret_id": ("auth_mounts", "approle_roles"),
        "vault_no_audit_device": ("audit_devices",),
        "vault_kv_secret_stale": ("mounts", "kv_secrets"),
        "vault_static_where_dynamic": ("tokens", "policies", "approle_roles", "mounts", "kv_secrets"),
        "salesforce_integration_user_admin": ("users", "permissions"),
        "salesforce_interactive_login": ("users", "permissions"),
        "salesforce_no_login_ip_range": ("users", "login_ip_ranges"),
        "salesforce_password_age": ("users",),
        "salesforce_app_open_to_all_users": ("connected_apps",),
        "salesforce_refresh_token_never_expires": ("connected_apps",),
        "salesforce_oauth_token_unused": ("connected_apps", "oauth_tokens"),
        "salesforce_shared_password": ("users",),
        "salesforce_connected_app_ip_relaxed": ("connected_apps",),
        # Security groups are read from infrastructure code only: no part of a live AWS snapshot holds them.
        "aws_security_group_open": (),
        "entra_control_plane_permission": ("service_principals", "app_permissions", "directory_roles"),
        "entra_broad_data_permission": ("service_principals", "app_permissions", "directory_roles"),
        "entra_client_secret_in_use": ("service_principals", "applications", "federated_credentials"),
        "entra_client_secret_age": ("service_principals", "applications"),
        "entra_client_secret_lifetime": ("service_principals", "applications"),
        "entra_tenant_wide_consent": ("service_principals", "delegated_grants"),
        "entra_privileged_sp_owners": ("service_principals", "app_permissions", "directory_roles", "owners"),
        # Judged from configuration alone.
        "entra_multi_user_app_only": (),
        # A token that could not be read at all ("tokens") is not in the snapshot: every token rule is
        # NotEvaluated for it rather than silently clean.
        "github_classic_pat_on_agent": ("tokens",),
        "github_dangerous_token_scopes": ("tokens", "app_permissions"),
        "github_token_without_expiry": ("tokens",),
        "github_human_token_on_shared_bot": ("tokens",),
        "github_push_to_unprotected_default_branch": (
            "tokens",
            "app_permissions",
            "repositories",
            "org_repositories",
        ),
        "github_reach_beyond_junior": (
            "tokens",
            "app_permissions",
            "org_memberships",
            "repositories",
            "org_repositories",
            "org_members",
            "baseline_reach",
        ),
        "slack_user_token_on_shared_bot": ("tokens", "token_owner"),
        "slack_admin_scopes": ("tokens", "scopes"),
        "slack_impersonation_scopes": ("tokens", "scopes"),
        "slack_token_rotation_off": ("tokens",),
        "slack_bot_in_private_channels_beyond_baseline": (
            "tokens",
            "scopes",
            "channels",
            "baseline_channels",
        ),
    }.items()
}


def unread_not_evaluated(rule: Rule, ctx: RuleContext) -> list[NotEvaluated]:
    """NotEvaluated entries for the unread parts of `rule`'s platform that its check reads."""
    if not rule.platform:
        return []
    try:
        platform = Platform(rule.platform)
    except ValueError:
        return []
    snap = ctx.snapshots.get(platform)
    if snap is None or not snap.unread:
        return []
    reads = READS.get(rule.check)
    out: list[NotEvaluated] = []
    for part in snap.unread:
        if reads is not None and part.part not in reads:
            continue
        subject = part.subject or platform.value
        out.append(rule.not_evaluated(subject, f"{platform.value} {part.label}"))
    return out
