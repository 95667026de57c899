"""Reach comparison: what an identity can do that the baseline junior user cannot (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fnmatch import fnmatchcase

from auditor.model import AccessLevel, Capability, Platform, Reach, ReachGap, Resolution, Snapshot

TOP_EXAMPLES = 10


def _has_wildcard(text: str) -> bool:
    return "*" in text or "?" in text


def _covers(pattern: Capability, cap: Capability) -> bool:
    """Whether a (possibly wildcarded) baseline capability includes `cap`."""
    return fnmatchcase(cap.action.lower(), pattern.action.lower()) and fnmatchcase(
        cap.resource, pattern.resource
    )


def rank_key(cap: Capability) -> tuple[int, str, str]:
    """Sort key: most sensitive first (admin > write > read > list), then by action and resource."""
    return (-cap.level.rank, cap.action, cap.resource)


def compare(
    subject: Reach | Iterable[Capability], baseline: Reach | Iterable[Capability]
) -> tuple[Capability, ...]:
    """Capabilities of `subject` that `baseline` lacks, ranked by sensitivity.

    Both sides are compared on (platform, resource, action); the level is the subject's. A wildcard
    capability on the baseline side (IAM `s3:Get*`, Vault `secret/*`) covers the concrete ones it matches.
    """
    base = set(baseline)
    exact = {(c.platform, c.resource, c.action.lower()) for c in base}
    patterns = [c for c in base if _has_wildcard(c.action) or _has_wildcard(c.resource)]
    extra = [
        c
        for c in subject
        if (c.platform, c.resource, c.action.lower()) not in exact
        and not any(p.platform == c.platform and _covers(p, c) for p in patterns)
    ]
    return tuple(sorted(extra, key=rank_key))


def summarize(extra: Sequence[Capability]) -> dict[str, int]:
    """Counts per access level, in rank order, zero levels included so tables line up."""
    counts = Counter(c.level for c in extra)
    return {lv.value: counts.get(lv, 0) for lv in sorted(AccessLevel, key=lambda lv: -lv.rank)}


def compute_gaps(
    resolutions: Sequence[Resolution], snapshots: Mapping[Platform, Snapshot]
) -> tuple[ReachGap, ...]:
    """One ReachGap per (agent, identity) that resolved to an identity with known reach.

    A platform whose snapshot names no baseline (or lacks the baseline's reach) yields no gap: the rules
    report that as NotEvaluated rather than pretending the gap is zero. Where a part that may hold reach could
    not be read (the snapshot's `unread`), the gap is `partial`: its `extra` is what is known and `unknown`
    names what was not read, so it never reads as a complete "0 extra".
    """
    gaps: dict[tuple[str, str, str], ReachGap] = {}
    for res in resolutions:
        snap = snapshots.get(res.platform)
        if snap is None or snap.baseline is None:
            continue
        key = (res.agent, res.platform.value, res.identity_id)
        if key in gaps:
            continue
        # Unread parts that may hide capabilities of the identity (a lower bound then) or of the baseline.
        unknown = [u.label for u in snap.reach_unknown(res.identity_id)]
        unknown += [u.label for u in snap.reach_unknown(snap.baseline) if u.subject is not None]
        unknown = list(dict.fromkeys(unknown))
        subject = snap.reach.get(res.identity_id)
        base = snap.reach.get(snap.baseline)
        if (subject is None or base is None) and not unknown:
            continue
        # With the baseline's reach unknown nothing can be subtracted: no extra is claimed, the gap is
        # unknown (partial), never a count that might be too high or a "0".
        extra = compare(subject, base) if subject is not None and base is not None else ()
        baseline_name = next((i.name for i in snap.identities if i.id == snap.baseline), snap.baseline)
        gaps[key] = ReachGap(
            agent=res.agent,
            platform=res.platform,
            identity=res.identity_name,
            baseline=baseline_name,
            extra=extra,
            summary=summarize(extra),
            escalation=any(c.level is AccessLevel.ADMIN for c in extra),
            partial=bool(unknown),
            unknown=tuple(unknown),
        )
    return tuple(
        sorted(
            gaps.values(),
            key=lambda g: (
                -(g.worst_level.rank if g.worst_level else -1),
                -g.extra_count,
                g.agent,
                g.identity,
            ),
        )
    )
