"""Rule checks on botaudit's own configuration (botaudit.yaml): pure functions of (rule, context)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import Location


def _config_path(ctx: RuleContext) -> str:
    """botaudit.yaml's path as the scan reports files (relative to the scan root) when it was scanned."""
    given = ctx.config.path or "botaudit.yaml"
    posix = PurePath(given).as_posix()
    scanned = [f.path for f in ctx.files if posix == f.path or posix.endswith("/" + f.path)]
    return max(scanned, key=len) if scanned else posix


def secret_in_botaudit_config(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-114: a secret where botaudit.yaml wants the name of an environment variable or a file."""
    if not ctx.config.pasted_secrets:
        return  # nothing to report, and no need to look for botaudit.yaml among the scanned files
    path = _config_path(ctx)
    for pasted in ctx.config.pasted_secrets:
        wanted = "the name of an environment variable" if pasted.pointer == "env" else "a file path"
        yield rule.finding(
            f"{pasted.key} in botaudit.yaml holds what looks like a secret ({pasted.preview}) where {wanted} "
            "belongs; botaudit did not use it. Rotate it and name the variable or file instead.",
            subject=path,
            location=Location(path, pasted.line, key=pasted.key),
            evidence={"key": pasted.key, "value": pasted.preview, "expected": wanted},
        )


CHECKS: Mapping[str, CheckFn] = {
    "secret_in_botaudit_config": secret_in_botaudit_config,
}
