"""Rule checks for Slack (BA-7xx): pure functions of (rule, context) over its snapshot, listed in CHECKS."""

from __future__ import annotations

from collections.abc import Mapping

from auditor.engine.interface import CheckFn

CHECKS: Mapping[str, CheckFn] = {}
