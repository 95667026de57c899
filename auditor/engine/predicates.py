"""The explicit table of rule checks: a rule's `check:` names an entry here. Nothing registers itself."""

from __future__ import annotations

from collections.abc import Mapping

from auditor.engine.checks import (
    aws_checks,
    botaudit_config_checks,
    code_checks,
    config_checks,
    entra_checks,
    github_checks,
    salesforce_checks,
    slack_checks,
    vault_checks,
)
from auditor.engine.interface import CheckFn

PREDICATES: Mapping[str, CheckFn] = {
    **config_checks.CHECKS,
    **botaudit_config_checks.CHECKS,
    **aws_checks.CHECKS,
    **vault_checks.CHECKS,
    **salesforce_checks.CHECKS,
    **entra_checks.CHECKS,
    **github_checks.CHECKS,
    **slack_checks.CHECKS,
    **code_checks.CHECKS,
}
