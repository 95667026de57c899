"""How sensitive an Entra ID permission or directory role is: shared by the live Entra collector and the code
collectors (app manifests, Terraform's azuread provider), which must not load msal to judge a declaration."""

from __future__ import annotations

from auditor.model import AccessLevel

# Application permissions that let an app change the directory's control plane: grant itself anything.
CONTROL_PLANE_PERMISSIONS = frozenset(
    {
        "Directory.ReadWrite.All",
        "RoleManagement.ReadWrite.Directory",
        "AppRoleAssignment.ReadWrite.All",
        "Application.ReadWrite.All",
        "PrivilegedAccess.ReadWrite.AzureAD",
        "Policy.ReadWrite.PermissionGrant",
    }
)

# Directory roles that can take over the tenant or its apps (Microsoft marks most of them "privileged").
PRIVILEGED_ROLES = frozenset(
    {
        "Global Administrator",
        "Privileged Role Administrator",
        "Privileged Authentication Administrator",
        "Application Administrator",
        "Cloud Application Administrator",
        "Hybrid Identity Administrator",
        "User Administrator",
        "Authentication Administrator",
        "Authentication Policy Administrator",
        "Security Administrator",
        "Conditional Access Administrator",
        "Exchange Administrator",
        "SharePoint Administrator",
        "Intune Administrator",
        "Groups Administrator",
        "Helpdesk Administrator",
        "Partner Tier2 Support",
        "Directory Writers",
        "Domain Name Administrator",
        "External Identity Provider Administrator",
        "Identity Governance Administrator",
    }
)


def permission_level(value: str) -> AccessLevel:
    """How sensitive a Graph permission (application or delegated scope value) is."""
    if (
        value in CONTROL_PLANE_PERMISSIONS
        or value.startswith(
            ("RoleManagement.ReadWrite", "AppRoleAssignment.ReadWrite", "Application.ReadWrite")
        )
        or value.endswith(".ReadWrite.All")
        or "FullControl" in value
    ):
        return AccessLevel.ADMIN
    if "ReadWrite" in value or value.endswith(".Send") or ".Send." in value or ".Manage" in value:
        return AccessLevel.WRITE
    return AccessLevel.READ


def role_level(name: str) -> AccessLevel:
    """How sensitive a directory role is: privileged roles are ADMIN, readers READ, the rest WRITE."""
    if name in PRIVILEGED_ROLES:
        return AccessLevel.ADMIN
    if "Reader" in name:
        return AccessLevel.READ
    return AccessLevel.WRITE
