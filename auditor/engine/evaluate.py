"""Run every enabled rule's check over one context: findings and not-evaluated entries, never a crash."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from auditor.engine.interface import CheckFn, Rule, RuleContext
from auditor.model import Finding, NotEvaluated


def _order(f: Finding) -> tuple[str, str, int, str, str]:
    subject = f.location.path if f.location else (f.identity or "")
    line = f.location.line if f.location else 0
    return (f.rule_id, subject, line, f.agent or "", f.fingerprint)


def evaluate(
    rules: Iterable[Rule],
    ctx: RuleContext,
    *,
    predicates: Mapping[str, CheckFn] | None = None,
) -> tuple[list[Finding], list[NotEvaluated]]:
    """Findings (deduplicated by fingerprint, ordered by rule, subject, line) and NotEvaluated entries.

    A check that raises becomes one NotEvaluated naming the exception class: a broken check is reported as
    missing coverage, never as a pass and never as a traceback. Results of a check that raised midway are
    dropped, since a partial answer would read as complete. A rule over a part of its platform the collector
    could not read (the snapshot's `unread`) is NotEvaluated there (auditor/engine/unread.py).
    """
    from auditor.engine.unread import unread_not_evaluated

    if predicates is None:
        from auditor.engine.predicates import PREDICATES

        predicates = PREDICATES
    findings: dict[str, Finding] = {}
    skipped: list[NotEvaluated] = []
    for rule in sorted(rules, key=lambda r: r.id):
        if not rule.enabled:
            continue
        # A part of the platform that could not be read leaves the rule unjudged there, whatever it finds.
        skipped.extend(unread_not_evaluated(rule, ctx))
        check = predicates.get(rule.check)
        if check is None:
            skipped.append(rule.not_evaluated("*", f"check {rule.check!r} is not available"))
            continue
        try:
            results = list(check(rule, ctx))
        except Exception as exc:  # noqa: BLE001 - any failure of one check must not stop the others
            skipped.append(rule.not_evaluated("*", f"check failed: {type(exc).__name__}"))
            continue
        for result in results:
            if isinstance(result, Finding):
                findings.setdefault(result.fingerprint, result)
            elif isinstance(result, NotEvaluated):
                skipped.append(result)
    ordered = sorted(findings.values(), key=_order)
    unique_skipped = sorted(set(skipped), key=lambda n: (n.rule_id, n.subject, n.reason))
    return ordered, unique_skipped
