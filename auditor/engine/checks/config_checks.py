"""Rule checks for config: pure functions of (rule, context), listed in CHECKS."""

from __future__ import annotations

from collections.abc import Mapping

from auditor.engine.interface import CheckFn

CHECKS: Mapping[str, CheckFn] = {}
