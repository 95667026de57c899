"""Found tokens for `--introspect-found`: the values behind chosen fingerprints, recovered in memory only.

Extraction never keeps a value (a SecretMatch holds a keyed fingerprint), and files are scanned in worker
processes. When the user opts in to introspecting found GitHub / Slack tokens, the few files holding such a
token are scanned once more here, in the main process, with a value sink on the evidence builder: a value is
kept only when its kind is an introspectable access token of a requested platform and its fingerprint is
the very fingerprint the finding carries, so the identity the collector publishes joins that finding. The
values live in FoundToken objects (no repr, no pickling) handed straight to the collectors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from auditor.collectors.interface import INTROSPECTABLE, FoundToken
from auditor.extract.evidence import VALUE_SINK
from auditor.model import FileScan, Platform, SecretMatch, Skipped

if TYPE_CHECKING:
    from auditor.discovery.walk import FileEntry
    from auditor.extract.detectors import DetectorSet


def wanted_tokens(
    files: Sequence[FileScan], platforms: Iterable[Platform]
) -> dict[Platform, dict[str, SecretMatch]]:
    """Per platform, fingerprint -> the first match of each introspectable token found in the files.

    Every file counts, not only agents' ones: a token outside any agent still gets its identity and the
    platform's rules. Documented example values are left out: they are known not to be live credentials,
    and sending them anywhere serves nothing.
    """
    out: dict[Platform, dict[str, SecretMatch]] = {}
    for platform in platforms:
        kinds = INTROSPECTABLE.get(platform, {})
        chosen: dict[str, SecretMatch] = {}
        matches = (s for f in files for s in f.secrets)
        for secret in sorted(matches, key=SecretMatch.sort_key):
            if secret.kind in kinds and not secret.is_example:
                chosen.setdefault(secret.fingerprint, secret)
        if chosen:
            out[platform] = chosen
    return out


def recover(
    wanted: Mapping[Platform, Mapping[str, SecretMatch]],
    entries: Mapping[str, FileEntry],
    detectors: DetectorSet,
    *,
    fingerprint_key: str,
    time_budget: float | None = None,
) -> tuple[dict[Platform, tuple[FoundToken, ...]], list[Skipped]]:
    """The wanted tokens' values, read again from their files; a token not found again is coverage."""
    from auditor.extract.filescan import scan_file

    # fingerprint -> (platform, kind): a value is taken only under the kind its finding was made with.
    by_fp = {fp: (platform, m.kind) for platform, ms in wanted.items() for fp, m in ms.items()}
    values: dict[str, str] = {}

    def sink(kind: str, fp: str, value: str) -> None:
        target = by_fp.get(fp)
        if target is None or target[1] != kind or fp in values:
            return
        if value.startswith(INTROSPECTABLE[target[0]][kind]):
            values[fp] = value

    paths = sorted({m.location.path for ms in wanted.values() for m in ms.values()})
    reset = VALUE_SINK.set(sink)
    try:
        for rel in paths:
            entry = entries.get(rel)
            if entry is not None and any(fp not in values for fp in by_fp):
                scan_file(entry, detectors, fingerprint_key=fingerprint_key, time_budget=time_budget)
    finally:
        VALUE_SINK.reset(reset)

    found: dict[Platform, tuple[FoundToken, ...]] = {}
    skipped: list[Skipped] = []
    for platform, matches in sorted(wanted.items(), key=lambda item: item[0].value):
        tokens: list[FoundToken] = []
        for fp, match in matches.items():
            where = f"{match.location.path}:{match.location.line}"
            value = values.get(fp)
            if value is None:
                # Not a live value of an introspectable shape (a legacy Slack token, a refresh token), or
                # the file changed since it was scanned: its reach stays unknown, and says so.
                skipped.append(
                    Skipped(
                        f"{platform.value}:found {where}",
                        f"the {match.kind} found here was not introspected: it is not an access token "
                        f"{platform.value}'s API accepts, or the file changed during the scan",
                        "not_read",
                    )
                )
                continue
            tokens.append(FoundToken(match.kind, fp, where, value))
        if tokens:
            found[platform] = tuple(tokens)
    return found, skipped
