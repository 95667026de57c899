"""Compare two scans: which findings are new, fixed, unchanged, or could not be looked at again.

Either side is a JSON report (`botaudit scan --format json`) or a baseline file (`botaudit baseline create`).
A finding's identity is its rule id plus its stable fingerprint (no line numbers), the same key baselines
use, so an edit that moves a finding does not make it new. A finding of the old scan that the new scan did
not examine (its platform was not collected or only in part, its file was skipped) is *not re-examined*,
never *fixed*: missing data is never a pass.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import BotauditError
from auditor.model import Severity

# A report or a baseline is a few MB even for a large estate; refusing a far bigger file keeps a mistaken
# argument (a disk image, a log) from filling memory before it is rejected.
MAX_INPUT_BYTES = 256 * 1024 * 1024


class DiffError(BotauditError):
    """An input of `botaudit diff` could not be read: missing, not JSON, not a report or a baseline."""


class SourceKind(str, enum.Enum):  # noqa: UP042 (str mixin: plain comparisons and JSON)
    REPORT = "report"
    BASELINE = "baseline"


class Change(str, enum.Enum):  # noqa: UP042
    NEW = "new"
    FIXED = "fixed"
    UNCHANGED = "unchanged"
    NOT_REEXAMINED = "not_reexamined"


Key = tuple[str, str]  # (rule_id, fingerprint)


@dataclass(frozen=True)
class DiffItem:
    """One finding as one side records it (a report records more than a baseline does)."""

    rule_id: str
    fingerprint: str
    # None: a baseline entry whose rule is not in this botaudit's catalogue (no severity anywhere).
    severity: Severity | None
    title: str = ""
    path: str | None = None
    line: int | None = None
    identity: str | None = None
    platform: str | None = None
    agent: str | None = None
    suppressed: bool = False
    # Accepted by the baseline the new scan was run with (`scan --baseline`).
    baselined: bool = False
    # How many findings of the side share this key (a secret pasted twice in one file).
    count: int = 1
    # For an unchanged finding whose severity differs between the sides: the old one.
    previous_severity: Severity | None = None

    @property
    def key(self) -> Key:
        return (self.rule_id, self.fingerprint)

    @property
    def where(self) -> str:
        if self.path is not None:
            return f"{self.path}:{self.line}" if self.line else self.path
        return self.identity or ""

    @property
    def accepted(self) -> bool:
        """Suppressed or in the new scan's baseline: shown, but never failing `diff --fail-on`."""
        return self.suppressed or self.baselined

    def sort_key(self) -> tuple[Any, ...]:
        rank = self.severity.rank if self.severity is not None else 5  # unknown first: fail closed
        return (-rank, self.where, self.rule_id, self.fingerprint)


@dataclass(frozen=True)
class DiffSource:
    """What one side is and what it examined."""

    path: str
    kind: SourceKind
    tool_version: str | None = None
    finished: str | None = None
    targets: tuple[str, ...] = ()
    complete: bool = True
    platforms_collected: frozenset[str] = frozenset()
    platforms_partial: frozenset[str] = frozenset()
    # Sources coverage says were not examined (files too large, unreadable, timed out; platforms).
    skipped_sources: frozenset[str] = frozenset()
    # Rules the scan could not evaluate for some subject (a partial platform): their absence proves nothing.
    not_evaluated_rules: frozenset[str] = frozenset()
    items: tuple[DiffItem, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class ReportDiff:
    """The comparison: each finding in exactly one of the four lists, worst first."""

    old: DiffSource
    new: DiffSource
    added: tuple[DiffItem, ...]
    fixed: tuple[DiffItem, ...]
    unchanged: tuple[DiffItem, ...]
    not_reexamined: tuple[DiffItem, ...]
    warnings: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            Change.NEW.value: len(self.added),
            Change.FIXED.value: len(self.fixed),
            Change.UNCHANGED.value: len(self.unchanged),
            Change.NOT_REEXAMINED.value: len(self.not_reexamined),
        }

    def gating(self, fail_on: Severity | None) -> list[DiffItem]:
        """New findings that fail `--fail-on`: not suppressed, not baselined, at or above the severity.

        A new finding of unknown severity (a baseline entry naming a rule this botaudit does not know) counts:
        a gate that cannot tell must not pass.
        """
        if fail_on is None:
            return []
        return [
            i for i in self.added if not i.accepted and (i.severity is None or i.severity.at_least(fail_on))
        ]


# --- reading the inputs ------------------------------------------------------------------------------------


def _read(path: Path) -> str:
    try:
        if path.is_dir():
            raise DiffError(f"{path}: is a folder; give a JSON report or a baseline file")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise DiffError(f"{path}: {size} bytes is too large for a botaudit report or baseline")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DiffError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise DiffError(f"{path}: not UTF-8 text; give a JSON report or a baseline file") from None
    except OSError as exc:
        raise DiffError(f"{path}: cannot read ({exc.strerror or type(exc).__name__})") from None


def _severity(value: Any) -> Severity | None:
    try:
        return Severity(value)
    except ValueError:
        return None


def _merge(items: Iterable[DiffItem]) -> tuple[DiffItem, ...]:
    """One item per key: the first (worst, by report order) with the number of findings sharing it."""
    first: dict[Key, DiffItem] = {}
    counts: Counter[Key] = Counter()
    for item in items:
        first.setdefault(item.key, item)
        counts[item.key] += 1
    merged = []
    for key, item in first.items():
        if counts[key] > 1:
            item = DiffItem(**{**item.__dict__, "count": counts[key]})
        merged.append(item)
    return tuple(merged)


def _from_report(data: Mapping[str, Any], source: str) -> DiffSource:
    from auditor.documents import validate

    version = data.get("schema_version")
    if not isinstance(version, str) or not version.startswith("1."):
        raise DiffError(
            f"{source}: unsupported report schema_version {version!r} (this botaudit reads 1.x); "
            "re-run the scan with this version"
        )
    validate(data, "report", source, DiffError)
    items = []
    for f in data["findings"]:
        loc = f.get("location") or {}
        items.append(
            DiffItem(
                rule_id=f["rule_id"],
                fingerprint=f["fingerprint"],
                severity=_severity(f["severity"]),
                title=f.get("title") or "",
                path=loc.get("path"),
                line=loc.get("line"),
                identity=f.get("identity"),
                platform=f.get("platform"),
                agent=f.get("agent"),
                suppressed=bool(f.get("suppressed")),
                baselined=bool(f.get("baseline")),
            )
        )
    cov = data["coverage"]
    return DiffSource(
        path=source,
        kind=SourceKind.REPORT,
        tool_version=data["tool"]["version"],
        finished=data.get("finished"),
        targets=tuple(data.get("targets") or ()),
        complete=bool(cov.get("complete", True)),
        platforms_collected=frozenset(cov.get("platforms_collected") or ()),
        platforms_partial=frozenset(cov.get("platforms_partial") or ()),
        skipped_sources=frozenset(s["source"] for s in cov.get("skipped") or ()),
        not_evaluated_rules=frozenset(n["rule_id"] for n in cov.get("not_evaluated") or ()),
        items=_merge(items),
    )


def _rule_catalogue() -> Mapping[str, Any]:
    """The built-in rules by id: a baseline records no severity or title, the catalogue does."""
    from auditor.engine.loader import load_rules

    try:
        return {r.id: r for r in load_rules()}
    except BotauditError:
        return {}


def _from_baseline(text: str, source: str) -> DiffSource:
    from auditor import baseline as bl

    try:
        loaded = bl.loads(text, source)
    except bl.BaselineError as exc:
        raise DiffError(str(exc)) from None
    rules = _rule_catalogue()
    items = []
    for entry in loaded.entries:
        rule = rules.get(entry.rule_id)
        items.append(
            DiffItem(
                rule_id=entry.rule_id,
                fingerprint=entry.fingerprint,
                severity=rule.severity if rule is not None else None,
                title=rule.title if rule is not None else "",
                path=entry.path,
                identity=entry.identity,
            )
        )
    return DiffSource(path=source, kind=SourceKind.BASELINE, items=_merge(items))


def load_source(path: Path | str) -> DiffSource:
    """A report or a baseline file as a DiffSource; DiffError with a clear message for anything else."""
    from auditor.documents import parse_json

    file = Path(path)
    source = str(file)
    text = _read(file)
    data = parse_json(text, source, DiffError)
    if not isinstance(data, dict):
        raise DiffError(f"{source}: not a botaudit JSON report or baseline (expected a JSON object)")
    if data.get("version") == "2.1.0" and "runs" in data:
        raise DiffError(
            f"{source}: a SARIF log; diff reads botaudit JSON reports (--format json or --report json:FILE) "
            "and baseline files"
        )
    tool = data.get("tool")
    if tool == "botaudit":
        return _from_baseline(text, source)
    if isinstance(tool, dict) and tool.get("name") == "botaudit":
        return _from_report(data, source)
    raise DiffError(
        f"{source}: not a botaudit JSON report or baseline (no `tool: botaudit`); write one with "
        "`botaudit scan --format json -o FILE` or `botaudit baseline create`"
    )


# --- comparing ---------------------------------------------------------------------------------------------


def _reexamined(item: DiffItem, new: DiffSource) -> bool:
    """Whether the new scan looked where the old finding was; a baseline records no coverage (assume so)."""
    if new.kind is SourceKind.BASELINE:
        return True
    if item.rule_id in new.not_evaluated_rules:
        return False
    if item.path is not None:
        return item.path not in new.skipped_sources
    if item.platform is not None:
        return item.platform in new.platforms_collected and item.platform not in new.platforms_partial
    return True


def _sorted(items: Iterable[DiffItem]) -> tuple[DiffItem, ...]:
    return tuple(sorted(items, key=DiffItem.sort_key))


def _warnings(old: DiffSource, new: DiffSource, common: int) -> list[str]:
    out = []
    if old.items and new.items and not common:
        out.append(
            "the two scans have no finding in common: if they used different fingerprint keys "
            "(BOTAUDIT_FINGERPRINT_KEY or fingerprint_key), every finding looks new and fixed"
        )
    if old.kind is new.kind is SourceKind.REPORT:
        if old.targets != new.targets:
            out.append(
                f"the scans had different targets ({', '.join(old.targets) or '-'} vs "
                f"{', '.join(new.targets) or '-'}): paths may not line up"
            )
        if old.finished and new.finished and old.finished > new.finished:
            out.append(f"{old.path} finished after {new.path}: are OLD and NEW swapped?")
    return out


def compare(old: DiffSource, new: DiffSource) -> ReportDiff:
    """Classify every finding of either side; pure."""
    old_by_key = {i.key: i for i in old.items}
    new_by_key = {i.key: i for i in new.items}
    added: list[DiffItem] = []
    unchanged: list[DiffItem] = []
    for key, item in new_by_key.items():
        before = old_by_key.get(key)
        if before is None:
            added.append(item)
            continue
        severity = item.severity if item.severity is not None else before.severity
        changed = before.severity if before.severity not in (None, severity) else None
        # A baseline side knows less (no title, line or platform): fill it from the report side.
        merged = {**before.__dict__, **{k: v for k, v in item.__dict__.items() if v not in (None, "")}}
        merged |= {"severity": severity, "previous_severity": changed, "count": item.count}
        unchanged.append(DiffItem(**merged))
    fixed: list[DiffItem] = []
    stale: list[DiffItem] = []
    for key, item in old_by_key.items():
        if key in new_by_key:
            continue
        (fixed if _reexamined(item, new) else stale).append(item)
    return ReportDiff(
        old=old,
        new=new,
        added=_sorted(added),
        fixed=_sorted(fixed),
        unchanged=_sorted(unchanged),
        not_reexamined=_sorted(stale),
        warnings=tuple(_warnings(old, new, len(unchanged))),
    )


def diff_files(old: Path | str, new: Path | str) -> ReportDiff:
    """Load both files and compare them."""
    return compare(load_source(old), load_source(new))


__all__: Sequence[str] = (
    "Change",
    "DiffError",
    "DiffItem",
    "DiffSource",
    "ReportDiff",
    "SourceKind",
    "compare",
    "diff_files",
    "load_source",
)
