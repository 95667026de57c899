"""The only orchestrator: paths (+ platforms or snapshots) in, a judged ScanResult out."""

from __future__ import annotations

import importlib
import operator
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.clock import Clock, SystemClock
from auditor.collectors.interface import (
    DEFAULT_PLATFORM_BUDGET,
    DEFAULT_REQUEST_DEADLINE,
    INTROSPECTABLE,
    Collector,
    CollectRequest,
    FoundToken,
)
from auditor.config import COLLECTOR_TIME_SETTINGS, Config, find_config, load_config
from auditor.errors import CollectorError, ConfigError, SnapshotError
from auditor.lifetime import keep_until_exit
from auditor.model import (
    COLLECTABLE_PLATFORMS,
    Coverage,
    FileScan,
    Platform,
    ScanResult,
    Skipped,
    Snapshot,
)
from auditor.progress import NullProgress, ProgressSink
from auditor.reach import compute_gaps
from auditor.reconcile import anchor_findings, link_declared, reconcile
from auditor.redact import (
    DEFAULT_FINGERPRINT_KEY,
    FINGERPRINT_KEY_ENV,
    LEGACY_SECRET_FINGERPRINTS,
    InRunKey,
    legacy_aliases,
    legacy_aliases_enabled,
    legacy_fingerprints,
)
from auditor.resolve import resolve, unjoined

if TYPE_CHECKING:
    from auditor.baseline import Baseline
    from auditor.discovery.walk import FileEntry

# platform -> "module:Class". Imported only when that platform is collected, so a static scan never loads
# boto3, hvac, simple-salesforce or msal.
COLLECTORS: Mapping[Platform, str] = {
    Platform.AWS: "auditor.collectors.aws:AwsCollector",
    Platform.VAULT: "auditor.collectors.vault:VaultCollector",
    Platform.SALESFORCE: "auditor.collectors.salesforce:SalesforceCollector",
    Platform.ENTRA: "auditor.collectors.entra:EntraCollector",
    Platform.GITHUB: "auditor.collectors.github:GitHubCollector",
    Platform.SLACK: "auditor.collectors.slack:SlackCollector",
}

CollectorFactory = Callable[[Platform], Collector]


def default_collector(platform: Platform) -> Collector:
    """Instantiate the collector registered for `platform` in COLLECTORS."""
    try:
        target = COLLECTORS[platform]
    except KeyError as exc:
        raise ConfigError(f"no collector for platform {platform.value!r}") from exc
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    collector: Collector = cls()
    return collector


@dataclass(frozen=True)
class ScanOptions:
    """Everything a scan needs to know; the CLI maps its flags onto this and nothing else."""

    paths: tuple[Path, ...] = ()
    config_path: Path | None = None
    connect: tuple[Platform, ...] = ()
    snapshot_files: tuple[Path, ...] = ()
    baseline_file: Path | None = None
    max_file_size: int | None = None
    jobs: int | None = None
    ca_bundle: str | None = None
    use_config_snapshots: bool = True
    # Also scan every file version in the git history of the scan roots (secrets gone from HEAD).
    history: bool = False
    # Seconds one file's extraction may take before it is reported as not examined (None: the default).
    file_time_budget: float | None = None
    # Honour .gitignore files, for files git does not track only (.botauditignore always applies).
    respect_gitignore: bool = False
    # Introspect GitHub / Slack tokens found in the scanned files too (sends them to the platform's API, read
    # only; the config key collectors.<platform>.introspect_found turns it on per platform).
    introspect_found: bool = False
    # False when the caller writes no secret fingerprint anywhere (the CLI with only the terminal table):
    # with nothing to match them against either, the scan derives none memory-hard (`_in_run_only`).
    fingerprints_shown: bool = True
    collector_factory: CollectorFactory = field(default=default_collector)


@dataclass
class _Warnings:
    items: list[str] = field(default_factory=list)


def load_project_config(options: ScanOptions) -> Config:
    """The explicit --config file, else a botaudit.yaml at the first scan root, else defaults."""
    path = options.config_path or find_config(list(options.paths))
    if options.config_path is not None and not options.config_path.is_file():
        raise ConfigError(f"{options.config_path}: config file not found")
    return load_config(path)


BASELINE_FILENAMES = frozenset({".botaudit-baseline.json"})
DEFAULT_KEY_WARNING = (
    "secret fingerprints use the built-in default key: anyone can test guesses against them (slowly). "
    f"Set {FINGERPRINT_KEY_ENV} from a CI secret, or fingerprint_key in botaudit.yaml"
)


def scan_tree(
    paths: Sequence[Path],
    config: Config,
    *,
    options: ScanOptions,
    progress: ProgressSink,
    artifacts: Sequence[Path] = (),
    iac_sources: list[Any] | None = None,
    entries_out: list[Any] | None = None,
) -> tuple[list[FileScan], list[Skipped]]:
    """Discovery + extraction: the static half of a scan.

    `artifacts` are botaudit's own inputs (snapshots, baselines) found under the scan roots: they describe
    identities and fingerprints, not agent configuration, so they are listed as deliberate skips.
    `entries_out` receives the entries scanned (files and archive members), in the walk's order: callers
    index them (`entries_by_rel`, `source_paths`) only when they need to.
    """
    from auditor.discovery.archives import MemberEntry, close_cached
    from auditor.discovery.walk import entry_name, iter_walk
    from auditor.extract import scan_files
    from auditor.extract.budget import DEFAULT_FILE_BUDGET
    from auditor.extract.detectors import DetectorSet

    max_size = options.max_file_size or config.max_file_size
    detectors = DetectorSet.load()
    # Resolve only files that share a name with an artifact: a resolve() per file costs a syscall per path
    # component on trees of tens of thousands of files.
    own = {p.resolve() for p in artifacts}
    own_names = {p.name for p in own}
    walk_skipped: list[Skipped] = []
    own_skipped: list[Skipped] = []
    entries: list[FileEntry | MemberEntry] = []

    def discovered() -> Iterator[FileEntry | MemberEntry]:
        # Streamed into extraction: the pool's workers start on the first folders while the walk goes on.
        for entry in iter_walk(
            list(paths),
            walk_skipped,
            max_file_size=max_size,
            exclude=config.exclude,
            respect_gitignore=options.respect_gitignore,
        ):
            if isinstance(entry, MemberEntry):  # an archive member: never one of botaudit's own inputs
                entries.append(entry)
                yield entry
                continue
            name = entry_name(entry)
            if name in BASELINE_FILENAMES or (name in own_names and entry.path.resolve() in own):
                own_skipped.append(
                    Skipped(
                        entry.rel,
                        "botaudit snapshot or baseline (an input, not agent config)",
                        "botaudit_artifact",
                    )
                )
            else:
                entries.append(entry)
                yield entry

    # The number of files is known only when the walk ends.
    progress.start("files")
    files = scan_files(
        discovered(),
        detectors,
        fingerprint_key=config.fingerprint_key,
        jobs=options.jobs,
        progress=progress,
        time_budget=options.file_time_budget or DEFAULT_FILE_BUDGET,
    )
    close_cached()  # the archive the last member scanned here came from (workers close theirs on exit)
    # The same order, and the same coverage entries, as a walk that finished before extraction started:
    # files by path, the walk's skips by (source, category), then the artifacts by path.
    files.sort(key=_BY_PATH)
    walk_skipped.sort(key=lambda s: (s.source, s.category))
    own_skipped.sort(key=lambda s: s.source)
    skipped = walk_skipped + own_skipped
    progress.finish("files")
    if iac_sources is not None:
        # Most trees hold no infrastructure code: the files are indexed by path only when one does.
        declaring = [(f.path, f.iac) for f in files if f.iac]
        if declaring:
            from auditor.collectors.code import CodeSource

            # The code collectors read their files from disk: a declaration inside an archive is not theirs
            # to read, and says so.
            by_rel = {e.rel: e.path for e in entries if not isinstance(e, MemberEntry)}
            iac_sources.extend(CodeSource(rel, by_rel[rel], iac) for rel, iac in declaring if rel in by_rel)
            skipped.extend(
                Skipped(
                    rel,
                    "infrastructure code inside an archive: not read by the code collectors",
                    "archive_iac",
                )
                for rel, _iac in declaring
                if rel not in by_rel
            )
    if entries_out is not None:
        entries_out.extend(entries)
    return files, skipped


_BY_PATH = operator.attrgetter("path")
_SIZE = operator.attrgetter("size")


def entries_by_rel(entries: Sequence[Any]) -> dict[str, Any]:
    """The scanned entries (scan_tree's `entries_out`) by path (for a path twice, the walk's last one)."""
    return {e.rel: e for e in entries}


def source_paths(entries: Sequence[Any]) -> dict[str, Path]:
    """The source files on disk the confused-deputy pass may read, by path (from scan_tree's entries)."""
    from auditor.discovery.archives import MemberEntry

    return {
        e.rel: e.path
        for e in entries
        if not isinstance(e, MemberEntry) and e.rel.endswith(_CALL_PATH_SUFFIXES)
    }


def scan_history(
    paths: Sequence[Path],
    config: Config,
    current: Sequence[FileScan],
    *,
    options: ScanOptions,
    progress: ProgressSink,
) -> tuple[list[FileScan], list[Skipped], int, int]:
    """The git-history half of a scan: secrets that were committed once and are gone from the tree.

    Returns the history file scans that still hold such secrets (or could not be read), the coverage
    entries, and how many commits and distinct blobs were examined.
    """
    from auditor.discovery.history import HistoryWalk, iter_history
    from auditor.discovery.walk import _root_prefixes
    from auditor.extract.budget import DEFAULT_FILE_BUDGET
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.history import PROGRESS_TASK, scan_history_blobs

    roots = [Path(p) for p in paths]
    walked = HistoryWalk()
    blobs = iter_history(
        roots,
        _root_prefixes(roots),
        walked,
        max_file_size=options.max_file_size or config.max_file_size,
        exclude=config.exclude,
    )
    # Streamed (the walk is lazy): the number of blobs is known only at the end.
    progress.start(PROGRESS_TASK)
    kept = scan_history_blobs(
        blobs,
        current,
        DetectorSet.load(),
        fingerprint_key=config.fingerprint_key,
        jobs=options.jobs,
        progress=progress,
        time_budget=options.file_time_budget or DEFAULT_FILE_BUDGET,
    )
    progress.finish(PROGRESS_TASK)
    return kept, walked.skipped, walked.commits, walked.yielded


# Source files the confused-deputy pass may read (auditor/collectors/code/deputy.py).
_CALL_PATH_SUFFIXES = (".py", ".js", ".mjs", ".cjs", ".ts", ".tsx")
PATH_SETTING_SUFFIXES = ("_file", "_path", "ca_bundle")


def _resolve_setting_paths(settings: dict[str, Any], config: Config) -> dict[str, Any]:
    """File settings (key files, certificates, CA bundles) are relative to botaudit.yaml, as users expect."""
    if config.path is None:
        return settings
    for key, value in settings.items():
        if (
            isinstance(value, str)
            and key.endswith(PATH_SETTING_SUFFIXES)
            and value
            and not value.startswith("~")
        ):
            candidate = Path(value)
            if not candidate.is_absolute():
                settings[key] = str(config.base_dir / candidate)
    return settings


def collect_platform(
    platform: Platform,
    config: Config,
    *,
    identifiers: Sequence[str] = (),
    clock: Clock,
    progress: ProgressSink,
    factory: CollectorFactory = default_collector,
    ca_bundle: str | None = None,
    found_tokens: Sequence[FoundToken] = (),
) -> Snapshot:
    """Collect one platform live, read-only. Raises CollectorError when nothing could be collected.

    The snapshot's `duration_seconds` is measured here (monotonic wall time, not the injected clock, which may
    be fixed), so every collector reports it the same way.
    """
    pasted = [p for p in config.pasted_secrets if p.path[:2] == ("collectors", platform.value)]
    if pasted:
        # The setting is unusable (and must not fall back to a default silently); BA-114 reports it.
        raise CollectorError(
            f"{platform.value}: not collected: {pasted[0].key} in botaudit.yaml holds a secret where a "
            "name belongs (finding BA-114)"
        )
    settings = _resolve_setting_paths(dict(config.collectors.get(platform.value, {})), config)
    if ca_bundle and "ca_bundle" not in settings:
        settings["ca_bundle"] = ca_bundle
    # The time bounds are the same for every collector: taken out of its own settings here.
    bounds = {key: settings.pop(key) for key in COLLECTOR_TIME_SETTINGS if key in settings}
    settings.pop(INTROSPECT_FOUND_KEY, None)  # decided by the scan, which hands over found_tokens
    request = CollectRequest(
        identifiers=tuple(sorted(set(identifiers))),
        baseline=config.baseline.get(platform.value),
        settings=settings,
        fingerprint_key=config.fingerprint_key,
        request_deadline=_seconds(bounds, "request_deadline_seconds", DEFAULT_REQUEST_DEADLINE, platform),
        platform_budget=_seconds(bounds, "platform_budget_seconds", DEFAULT_PLATFORM_BUDGET, platform),
        found_tokens=tuple(found_tokens),
    )
    collector = factory(platform)
    started = time.monotonic()
    snapshot = collector.collect(request, clock=clock, progress=progress)
    return replace(snapshot, duration_seconds=round(time.monotonic() - started, 3))


INTROSPECT_FOUND_KEY = "introspect_found"


def introspect_platforms(options: ScanOptions, config: Config) -> list[Platform]:
    """The connected platforms whose found tokens are introspected: --introspect-found, or the config key."""
    chosen = [
        p
        for p in options.connect
        if p in INTROSPECTABLE
        and (options.introspect_found or config.collectors.get(p.value, {}).get(INTROSPECT_FOUND_KEY) is True)
    ]
    if options.introspect_found and not chosen:
        names = " and/or ".join(p.value for p in INTROSPECTABLE)
        raise ConfigError(f"--introspect-found needs --connect {names}: it introspects found tokens of those")
    return chosen


def _found_tokens(
    options: ScanOptions,
    config: Config,
    files: Sequence[FileScan],
    entries: Sequence[Any],
    skipped: list[Skipped],
) -> dict[Platform, tuple[FoundToken, ...]]:
    """The values of the tokens found in the files, for the platforms that introspect them (memory only)."""
    from auditor.extract.budget import DEFAULT_FILE_BUDGET
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.found import recover, wanted_tokens

    wanted = wanted_tokens(files, introspect_platforms(options, config))
    if not wanted:
        return {}
    found, not_found = recover(
        wanted,
        entries_by_rel(entries),
        DetectorSet.load(),
        fingerprint_key=config.fingerprint_key,
        time_budget=options.file_time_budget or DEFAULT_FILE_BUDGET,
    )
    skipped.extend(not_found)
    return found


def _seconds(bounds: Mapping[str, Any], key: str, default: float, platform: Platform) -> float:
    value = bounds.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < float(value) <= 86400:
        raise ConfigError(f"collectors.{platform.value}.{key}: expected a number of seconds above 0")
    return float(value)


def _load_snapshots(
    files: Sequence[Path], warnings: _Warnings, skipped: list[Skipped], unreadable: list[str]
) -> dict[Platform, Snapshot]:
    snapshots: dict[Platform, Snapshot] = {}
    if not files:
        return snapshots
    # Here, not at the top: the snapshot reader brings the schema validator's plumbing with it.
    from auditor.snapshot import load_snapshot

    for path in files:
        try:
            snap = load_snapshot(path)
        except SnapshotError as exc:
            skipped.append(Skipped(str(path), str(exc), "snapshot"))
            unreadable.append(str(path))
            warnings.items.append(f"snapshot not loaded: {exc}")
            continue
        if snap.platform in snapshots:
            warnings.items.append(f"{path}: a second {snap.platform.value} snapshot replaces the earlier one")
        snapshots[snap.platform] = snap
    return snapshots


def _platform_source(platform: Platform, skip: Skipped) -> Skipped:
    """A snapshot's coverage entry named by its platform once (`entra:users/x`, never `entra: entra:...`)."""
    if skip.source.startswith(f"{platform.value}:"):
        return skip
    return replace(skip, source=f"{platform.value}: {skip.source}")


def _partial_warning(snap: Snapshot) -> str:
    parts = list(dict.fromkeys(u.part for u in snap.unread))
    first = snap.unread[0]
    shown = ", ".join(parts[:4]) + (f" and {len(parts) - 4} more" if len(parts) > 4 else "")
    return (
        f"{snap.platform.value} only partly collected: {shown} not read (first: {first.reason}); "
        "rules over them are not evaluated (exit 3)"
    )


def _rules_in_scope(
    rules: Sequence[Any], snapshots: Mapping[Platform, Snapshot], requested: Sequence[Platform]
) -> tuple[list[Any], list[Skipped]]:
    """Platform rules run only where that platform's data is present.

    A platform nobody connected (and no snapshot) is out of scope: one deliberate coverage line per platform
    says how many rules did not run. A platform that was requested but failed keeps its rules, whose checks
    then report NotEvaluated, so the gap stays visible.
    """
    kept: list[Any] = []
    idle: dict[str, int] = {}
    platforms = {p.value for p in Platform}
    known = {p.value for p in snapshots} | {p.value for p in requested}
    for rule in rules:
        platform = getattr(rule, "platform", None)
        if platform and platform in platforms and platform not in known:
            idle[platform] = idle.get(platform, 0) + 1
            continue
        kept.append(rule)
    notes = [Skipped(name, _idle_reason(name, n), "not_connected") for name, n in sorted(idle.items())]
    return kept, notes


# Where each platform's data can come from besides --connect / --snapshot: the code a scan reads.
_CODE_SOURCES = {
    "aws": "Terraform or CloudFormation",
    "entra": "Entra app manifests or Terraform",
    "vault": "Vault policies, AppRole JSON or Terraform",
    "salesforce": "SFDX metadata",
    "slack": "Slack app manifests",
}


def _idle_reason(name: str, count: int) -> str:
    """Why a platform's rules did not run, and what would bring its data (never a flag that cannot)."""
    if name == Platform.KUBERNETES.value:
        return (
            f"no RBAC manifests (Role, ClusterRole, RoleBinding, ClusterRoleBinding) in the scanned tree: "
            f"{count} {name} rules not run (Kubernetes is judged from manifests only; botaudit has no live "
            "Kubernetes collector)"
        )
    if name in {p.value for p in COLLECTABLE_PLATFORMS}:
        code = f", no {_CODE_SOURCES[name]} in the scanned tree" if name in _CODE_SOURCES else ""
        return (
            f"not connected, no snapshot{code}: {count} {name} rules not run "
            f"(use --connect {name} or --snapshot)"
        )
    return f"no {name} data: {count} {name} rules not run (botaudit has no collector for {name})"


def _legacy_map(files: Sequence[FileScan]) -> dict[str, str]:
    """Scheme-3 -> scheme-2 secret fingerprints of the issued tokens found (workers) or used by collectors."""
    legacy = legacy_fingerprints()
    for f in files:
        for s in f.secrets:
            if s.legacy_fingerprint:
                legacy[s.fingerprint] = s.legacy_fingerprint
    return legacy


def run(
    options: ScanOptions,
    *,
    clock: Clock | None = None,
    progress: ProgressSink | None = None,
    config: Config | None = None,
) -> ScanResult:
    """Scan paths, load or collect platform snapshots, judge, apply suppressions and the baseline."""
    before = legacy_aliases_enabled()
    try:
        return _run(options, clock=clock, progress=progress, config=config)
    finally:
        legacy_aliases(before)


def _needs_legacy_aliases(baseline: Baseline | None, config: Config, snapshot_files: list[Path]) -> bool:
    """Whether something this scan matches against may hold secret fingerprints of scheme 2 (before issued
    tokens took a keyed HMAC, auditor.redact): a version-1 baseline, a suppression by fingerprint (its
    scheme is not recorded), a saved snapshot (a token's `fp:` alias). Then each issued token's scheme-2
    fingerprint is derived too, at scrypt's cost, and findings carry the fingerprints they had."""
    return (
        (baseline is not None and baseline.needs_legacy_aliases)
        or any(entry.fingerprint for entry in config.suppressions)
        or bool(snapshot_files)
    )


def _in_run_only(options: ScanOptions, baseline: Baseline | None, snapshot_files: list[Path]) -> bool:
    """Whether no secret fingerprint of this scan is shown, stored or matched against anything kept: the
    caller writes none, and no baseline, snapshot, platform connection or token introspection is in use
    (a suppression by fingerprint is ruled out before, with the legacy aliases). Then each value's
    fingerprint is a keyed HMAC that never leaves the process (`redact.InRunKey`), not a scrypt derivation
    of ~20 ms: only the terminal table was waiting for them."""
    return not (
        options.fingerprints_shown
        or baseline is not None
        or snapshot_files
        or options.connect
        or options.introspect_found
    )


def _run(
    options: ScanOptions,
    *,
    clock: Clock | None,
    progress: ProgressSink | None,
    config: Config | None,
) -> ScanResult:
    from auditor import suppress
    from auditor.baseline import load as load_baseline
    from auditor.engine.evaluate import evaluate
    from auditor.engine.interface import RuleContext
    from auditor.engine.loader import load_rules
    from auditor.inventory import build_inventory, resolve_hints

    clock = clock or SystemClock()
    progress = progress or NullProgress()
    started = clock.now()
    config = config or load_project_config(options)
    # A flag that cannot apply is a usage error before any work.
    introspected = introspect_platforms(options, config)
    # Validates botaudit.yaml's rule references and params against the rules' declarations (ConfigError).
    rules = load_rules(config=config)
    baseline = load_baseline(options.baseline_file) if options.baseline_file else None
    warnings = _Warnings()

    snapshot_files = list(options.snapshot_files)
    if options.use_config_snapshots:
        snapshot_files = [config.base_dir / p for p in config.snapshots] + snapshot_files
    artifacts = [*snapshot_files, *([options.baseline_file] if options.baseline_file else [])]
    if _needs_legacy_aliases(baseline, config, snapshot_files):
        legacy_aliases(True)
    elif _in_run_only(options, baseline, snapshot_files):
        config = replace(config, fingerprint_key=InRunKey(config.fingerprint_key))
    iac_sources: list[Any] = []
    entries: list[Any] = []
    files, skipped = scan_tree(
        options.paths,
        config,
        options=options,
        progress=progress,
        artifacts=artifacts,
        iac_sources=iac_sources,
        entries_out=entries,
    )
    agents = build_inventory(files, config)
    if agents:  # no agent, no path to add (and no index of the source files, no import of the path finder)
        disk = source_paths(entries)
        if disk:
            from auditor.collectors.code.deputy import agent_paths

            agents = tuple(agent_paths(agents, files, disk))
    history: list[FileScan] = []
    history_commits: int | None = None
    history_blobs: int | None = None
    if options.history:
        history, history_skipped, history_commits, history_blobs = scan_history(
            options.paths, config, files, options=options, progress=progress
        )
        skipped.extend(history_skipped)
    code_snapshots: dict[Platform, Snapshot] = {}
    if iac_sources:
        from auditor.collectors.code import collect_code

        progress.start("code")
        code_snapshots, code_skipped = collect_code(iac_sources, baselines=config.baseline, clock=clock)
        skipped.extend(code_skipped)
        progress.finish("code")
    # A snapshot asked for (--snapshot or botaudit.yaml) that cannot be read is a platform requested and not
    # collected: the gate must answer "incomplete", not pass as if the platform had never been named.
    unreadable: list[str] = []
    snapshots = _load_snapshots(snapshot_files, warnings, skipped, unreadable)

    collected: list[str] = [p.value for p in snapshots]
    hints = resolve_hints(agents)
    found = _found_tokens(options, config, files, entries, skipped)
    for platform in options.connect:
        progress.start(f"collect {platform.value}")
        try:
            snapshots[platform] = collect_platform(
                platform,
                config,
                identifiers=hints.get(platform, ()),
                clock=clock,
                progress=progress,
                factory=options.collector_factory,
                ca_bundle=options.ca_bundle,
                # Popped: the values are dropped as soon as their collector has used them.
                found_tokens=found.pop(platform, ()),
            )
            collected.append(platform.value)
        except CollectorError as exc:
            skipped.append(Skipped(platform.value, str(exc), "platform"))
            # Said on stderr too: otherwise a JSON-to-file run exits 3 with no word about why.
            warnings.items.append(f"{platform.value} not collected: {exc}")
        finally:
            progress.finish(f"collect {platform.value}")
    # Code declarations join the live or saved snapshots here, once: live wins, differences become drift.
    snapshots = reconcile(snapshots, code_snapshots)
    for snap in snapshots.values():
        skipped.extend(_platform_source(snap.platform, s) for s in snap.coverage)
    partial = sorted(p.value for p, snap in snapshots.items() if snap.unread)
    for name in partial:
        # One line on stderr: a partial platform exits 3 even when the report itself goes to a file.
        warnings.items.append(_partial_warning(snapshots[Platform(name)]))

    resolutions = resolve(agents, snapshots)
    resolutions = tuple(
        sorted(
            resolutions + link_declared(agents, snapshots, resolutions),
            key=lambda r: (r.agent, r.platform.value, r.identity_id),
        )
    )
    skipped.extend(unjoined(agents, snapshots, resolutions, introspected=frozenset(introspected)))
    gaps = compute_gaps(resolutions, snapshots)
    in_scope, out_of_scope = _rules_in_scope(rules, snapshots, options.connect)
    skipped.extend(out_of_scope)
    ctx = RuleContext(
        config=config,
        clock=clock,
        agents=tuple(agents),
        files=tuple(files),
        snapshots=snapshots,
        resolutions=resolutions,
        gaps=gaps,
        history=tuple(history),
    )
    legacy = _legacy_map((*files, *history)) if legacy_aliases_enabled() else None
    token = LEGACY_SECRET_FINGERPRINTS.set(legacy)
    try:
        findings, not_evaluated = evaluate(in_scope, ctx)
    finally:
        LEGACY_SECRET_FINGERPRINTS.reset(token)
    findings = anchor_findings(findings, snapshots)
    findings, suppress_warnings = suppress.apply(
        findings, files=files, config=config, baseline=baseline, clock=clock
    )
    warnings.items.extend(suppress_warnings)
    if (
        config.fingerprint_key == DEFAULT_FINGERPRINT_KEY
        and type(config.fingerprint_key) is not InRunKey  # none shown: nothing to warn about
        and any(f.secrets for f in files)
    ):
        warnings.items.append(DEFAULT_KEY_WARNING)
    for message in warnings.items:
        progress.warn(message)

    # The files with coverage entries of their own are few: the counts walk the rest only at C speed.
    skipping = [f for f in files if f.skipped]
    coverage = Coverage(
        files_scanned=len(files) - sum(1 for f in skipping if not (f.secrets or f.references)),
        bytes_scanned=sum(map(_SIZE, files)),
        skipped=tuple(skipped) + tuple(s for f in (*skipping, *history) for s in f.skipped),
        not_evaluated=tuple(not_evaluated),
        platforms_requested=tuple(p.value for p in options.connect) + tuple(unreadable),
        platforms_collected=tuple(dict.fromkeys(collected)),
        history_commits=history_commits,
        history_blobs=history_blobs,
        platforms_partial=tuple(partial),
    )
    # The walk's entries are not part of the result: released here, they would be freed one by one.
    keep_until_exit(entries)
    return ScanResult(
        started=started,
        finished=clock.now(),
        targets=tuple(str(p) for p in options.paths),
        agents=tuple(agents),
        files=tuple(files),
        snapshots=tuple(snapshots[p] for p in sorted(snapshots, key=lambda p: p.value)),
        resolutions=resolutions,
        gaps=gaps,
        findings=tuple(findings),
        coverage=coverage,
        rules=tuple(in_scope),
        parameters={
            "config": config.path,
            "connect": [p.value for p in options.connect],
            "snapshots": [str(p) for p in snapshot_files],
            "baseline": str(options.baseline_file) if options.baseline_file else None,
            "max_file_size": options.max_file_size or config.max_file_size,
            "warnings": list(warnings.items),
            "history": options.history,
            # Only when used: found credentials were sent to these platforms' APIs.
            **({"introspect_found": [p.value for p in introspected]} if introspected else {}),
        },
        history=tuple(history),
    )
