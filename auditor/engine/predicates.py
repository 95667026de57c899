"""The explicit table of rule checks: a rule's `check:` names an entry here. Nothing registers itself.

The platform checks (aws, vault, salesforce, entra, github, slack) are listed by name and their module is
imported the first time one of them is looked up: a static scan without platform data (a pre-commit
hook's) judges no platform rule and never loads them. tests/test_engine.py checks these lists against each
module's CHECKS.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from auditor.engine.checks import botaudit_config_checks, code_checks, config_checks
from auditor.engine.interface import CheckFn

# Module (in auditor.engine.checks) -> the names of its CHECKS, in its order.
PLATFORM_CHECKS: Mapping[str, tuple[str, ...]] = {
    "aws_checks": (
        "aws_static_key_used_by_agent",
        "aws_key_too_old",
        "aws_key_unused",
        "aws_two_active_keys",
        "aws_console_password_on_service_user",
        "aws_admin_privileges",
        "aws_privilege_escalation",
        "aws_key_without_network_condition",
        "aws_secret_rotation",
    ),
    "vault_checks": (
        "vault_root_or_sudo_on_agent",
        "vault_broad_policy",
        "vault_token_without_max",
        "vault_approle_secret_id",
        "vault_no_audit_device",
        "vault_kv_secret_stale",
        "vault_static_where_dynamic",
    ),
    "salesforce_checks": (
        "salesforce_integration_user_admin",
        "salesforce_interactive_login",
        "salesforce_no_login_ip_range",
        "salesforce_password_age",
        "salesforce_app_open_to_all_users",
        "salesforce_refresh_token_never_expires",
        "salesforce_oauth_token_unused",
        "salesforce_connected_app_ip_relaxed",
        "salesforce_shared_password",
    ),
    "entra_checks": (
        "entra_control_plane_permission",
        "entra_broad_data_permission",
        "entra_client_secret_in_use",
        "entra_client_secret_age",
        "entra_client_secret_lifetime",
        "entra_tenant_wide_consent",
        "entra_privileged_sp_owners",
        "entra_multi_user_app_only",
    ),
    "github_checks": (
        "github_classic_pat_on_agent",
        "github_dangerous_token_scopes",
        "github_token_without_expiry",
        "github_human_token_on_shared_bot",
        "github_push_to_unprotected_default_branch",
        "github_reach_beyond_junior",
    ),
    "slack_checks": (
        "slack_user_token_on_shared_bot",
        "slack_admin_scopes",
        "slack_impersonation_scopes",
        "slack_token_rotation_off",
        "slack_bot_in_private_channels_beyond_baseline",
    ),
}


class _Checks(Mapping[str, CheckFn]):
    """Every check by name, in this order: config, botaudit.yaml, the platforms', code. A platform's
    module is imported by the first lookup of one of its names (not by `in`, `len` or iteration)."""

    def __init__(self) -> None:
        self._owner = {name: module for module, names in PLATFORM_CHECKS.items() for name in names}
        self._names = (
            *config_checks.CHECKS,
            *botaudit_config_checks.CHECKS,
            *(name for names in PLATFORM_CHECKS.values() for name in names),
            *code_checks.CHECKS,
        )
        self._known = frozenset(self._names)
        self._loaded: dict[str, CheckFn] = {
            **config_checks.CHECKS,
            **botaudit_config_checks.CHECKS,
            **code_checks.CHECKS,
        }

    def __getitem__(self, name: str) -> CheckFn:
        found = self._loaded.get(name)
        if found is not None:
            return found
        module = self._owner.get(name)
        if module is None:
            raise KeyError(name)
        checks = importlib.import_module(f"auditor.engine.checks.{module}").CHECKS
        self._loaded.update({n: checks[n] for n in PLATFORM_CHECKS[module]})
        return self._loaded[name]

    def __contains__(self, name: object) -> bool:
        return name in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


PREDICATES: Mapping[str, CheckFn] = _Checks()
