"""The per-file evidence collector: turns detector hits, references, settings and hints into one FileScan."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from auditor.extract import values
from auditor.extract.formats import FileKind, translation_catalogue
from auditor.extract.identifiers import identity_hint_kind
from auditor.extract.vocabulary import MAX_SETTING_VALUE
from auditor.model import (
    Confidence,
    FileScan,
    Location,
    ManifestHint,
    Platform,
    ReferenceKind,
    SecretContext,
    SecretMatch,
    SecretReference,
    Setting,
    Severity,
    Skipped,
)
from auditor.redact import fingerprint_soon, legacy_fingerprint, redact

if TYPE_CHECKING:
    from auditor.extract.detectors import DetectorSet, Hit, PublicNear

_RAISE = {
    Confidence.LOW: Confidence.MEDIUM,
    Confidence.MEDIUM: Confidence.HIGH,
    Confidence.HIGH: Confidence.HIGH,
}
_REFERENCE_PLATFORM = {
    ReferenceKind.VAULT_PATH: Platform.VAULT,
    ReferenceKind.AWS_SECRETS_MANAGER: Platform.AWS,
    ReferenceKind.AWS_SSM: Platform.AWS,
    ReferenceKind.AZURE_KEY_VAULT: Platform.ENTRA,
    ReferenceKind.GCP_SECRET_MANAGER: Platform.GOOGLE,
    ReferenceKind.K8S_SECRET_REF: Platform.KUBERNETES,
}
_ALLOW = re.compile(rb"botaudit:allow")
# How much of a value's line before it _before_value keeps: all its readers look at (values.MARKER_CONTEXT).
_BEFORE_VALUE = values.MARKER_CONTEXT
# How far column_at searches back for its line's start before asking the listed line breaks.
_NEAR_LINE = 4096
# Set only by auditor.extract.found (`--introspect-found`, in the main process): called with (kind,
# fingerprint, value) for every secret built, so a found token's value reaches its collector in memory
# without ever entering a SecretMatch. None in every ordinary scan.
VALUE_SINK: ContextVar[Callable[[str, str, str], None] | None] = ContextVar(
    "botaudit_value_sink", default=None
)
# What serialisation adds around one credential: backslash escapes and quotes in a JSON string, real line
# breaks and indentation in a YAML block scalar. The line scan sees a value raw, the structured scan decoded;
# with these removed both read the same, so one value is reported once (issue 9: a GCP key's private_key).
_SERIALISATION_NOISE = re.compile(r"\\(?:[nrt/\"'\\]|u000[aAdD9])|[\s\"']+")


def _same_value_digest(value: str) -> str:
    """A digest of the value without serialisation noise; kept in memory only, to spot overlapping matches."""
    normalised = _SERIALISATION_NOISE.sub("", value)
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def _line_span(value: str) -> int:
    """How many lines a value may cover, written raw (escaped line breaks) or decoded (real ones)."""
    return value.count("\n") + value.count("\\n")


def allow_lines(data: bytes) -> tuple[int, ...]:
    """1-based lines carrying `botaudit:allow`, found on the raw bytes (no decoding needed)."""
    if b"botaudit:allow" not in data:
        return ()
    return tuple(sorted({data.count(b"\n", 0, m.start()) + 1 for m in _ALLOW.finditer(data)}))


# Other scanners' inline allow comments, as each documents them: gitleaks' and Betterleaks' `gitleaks:allow` /
# `betterleaks:allow` and TruffleHog's `trufflehog:ignore` cover their own line; detect-secrets'
# `pragma: allowlist secret` its own line, `pragma: allowlist nextline secret` the line after it (the older
# `whitelist` spelling too). A team moving to botaudit keeps the reviews its markers record.
_PEER_ALLOW = re.compile(
    rb"(?P<tool>gitleaks|betterleaks):allow|trufflehog:ignore"
    rb"|pragma: ?(?:allow|white)list[ -](?:(?P<next>nextline)[ -])?secret"
)
# Fixed text one of those markers holds: a file without any is not searched (the combined pass asks too).
PEER_ALLOW_LITERALS = (b"leaks:allow", b"trufflehog:ignore", b"list secret", b"list-secret", b"nextline")


def peer_allow_lines(data: bytes) -> tuple[tuple[int, str], ...]:
    """(line a marker covers, the marker) for each other scanner's allow comment, from the raw bytes."""
    if not any(literal in data for literal in PEER_ALLOW_LITERALS):
        return ()
    found = set()
    for m in _PEER_ALLOW.finditer(data):
        line = data.count(b"\n", 0, m.start()) + 1
        found.add((line + 1 if m.group("next") else line, m.group().decode("ascii")))
    return tuple(sorted(found))


def to_platform(name: object) -> Platform | None:
    if name is None or name == "":
        return None
    if isinstance(name, Platform):
        return name
    try:
        return Platform(str(name).lower())
    except ValueError:
        return Platform.OTHER


class Evidence:
    """Collects everything found in one file; the only place SecretMatch objects are built."""

    def __init__(
        self, rel: str, text: str, kind: FileKind, detectors: DetectorSet, fingerprint_key: str
    ) -> None:
        self.rel = rel
        self.text = text
        self.kind = kind
        self.detectors = detectors
        self.fingerprint_key = fingerprint_key
        self._newlines: list[int] | None = None
        self._counted = 0  # characters line_at has counted line breaks in (then it lists them all once)
        self._line_starts: list[int] | None = None
        self._cursors: dict[int, int] = {}  # line -> where the last value place() found on it starts
        # (match, partner ids) in discovery order; partners raise confidence at build time.
        self._secrets: list[tuple[SecretMatch, tuple[str, ...]]] = []
        # Per entry of _secrets: (same-value digest, line span), to drop overlapping matches of one value.
        self._overlap: list[tuple[str, int]] = []
        self._secret_keys: set[tuple[str, str, int]] = set()
        # Per entry of _secrets whose fingerprint is still coming: (its index, how to have it, its value, in
        # memory only, for VALUE_SINK once the fingerprint is known).
        self._pending: list[tuple[int, Callable[[], str], str]] = []
        self.fingerprints: set[str] = set()
        # Raw values detectors flagged: kept in memory only, so no Setting ever repeats one.
        self.flagged: set[str] = set()
        self._references: dict[tuple[ReferenceKind, str, int, str | None], SecretReference] = {}
        self._settings: dict[tuple[str, int], Setting] = {}
        self._manifests: list[ManifestHint] = []
        self.skipped: list[Skipped] = []
        self._text_hits: list[Hit] | None = None
        # What the gate already said of this very text's bytes (filescan's combined pass), or None.
        self.gate_allowed: set[int] | None = None
        # Only secrets and coverage matter to the caller (git history keeps nothing else of an old version):
        # the extractors that can only add references, settings or manifest hints are not run.
        self.secrets_only = False
        # Whether the combined pass found a manifest marker (known_clients.MANIFEST_MARKERS) in the file's
        # bytes: False lets a recogniser whose words are all markers skip its own search. None: unknown.
        self.manifest_marked: bool | None = None
        self._in_catalogue: bool | None = None

    def text_hits(self) -> list[Hit]:
        """Every detector over the whole text, computed once per file."""
        if self._text_hits is None:
            self._text_hits = self.detectors.scan_text(self.text, allowed=self.gate_allowed)
        return self._text_hits

    # -- positions --------------------------------------------------------------------------------------
    def line_at(self, offset: int) -> int:
        if self._newlines is None:
            # A file asked a few times (most): counting the line breaks before `offset` in C costs a fraction
            # of listing every line break once (~9 ns a character), until the characters counted add up to
            # the text's length. The same number: the line breaks at positions below `offset`, which
            # bisect_left counts in the list.
            upto = min(max(offset, 0), len(self.text))
            if self._counted + upto <= len(self.text):
                self._counted += upto
                return self.text.count("\n", 0, upto) + 1
        return bisect.bisect_left(self._line_breaks(), offset) + 1

    def _line_breaks(self) -> list[int]:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        return self._newlines

    def column_at(self, offset: int) -> int:
        # A line break near `offset` is found by a short search back; on a long line (a minified file, one
        # line of megabytes holding many hits) the listed line breaks answer instead, so asking every hit
        # of such a line costs a bisection each, not a search back to its start.
        near = self.text.rfind("\n", max(0, offset - _NEAR_LINE), offset)
        if near < 0 and offset > _NEAR_LINE:
            newlines = self._line_breaks()
            index = bisect.bisect_left(newlines, offset) - 1
            near = newlines[index] if index >= 0 else -1
        return offset - (near + 1) + 1

    def _line_end(self, line: int) -> int:
        """The offset of the line break ending `line` (1-based), or the text's length for the last line."""
        newlines = self._line_breaks()
        return newlines[line - 1] if 0 < line <= len(newlines) else len(self.text)

    def offset_of_line(self, line: int) -> int:
        newlines = self._line_breaks()
        if line <= 1:
            return 0
        index = min(line - 2, len(newlines) - 1)
        return newlines[index] + 1 if index >= 0 else 0

    def place(self, value: str, near_line: int) -> tuple[int, int | None]:
        """The line where `value` appears at or after its key's line (block scalars, wrapped JSON), and the
        offset of that occurrence (None when the text does not hold it: the key's line then).

        A document's values are asked in their order, so on one line each search starts where the last
        value found on that line was: a one-line JSON file of megabytes with thousands of secrets is read
        once, not once per secret from the line's start. Found there, the value is on `near_line`, which is
        what the search from the line's start gives too; anything else takes that search."""
        if not value:
            return near_line, None
        start = self.offset_of_line(near_line)
        cursor = self._cursors.get(near_line, start)
        found = self.text.find(value, cursor, self._line_end(near_line))
        if found >= 0:
            self._cursors[near_line] = found
            return near_line, found
        found = self.text.find(value, start)
        if found < 0:
            return near_line, None
        return self.line_at(found), found

    # -- evidence ---------------------------------------------------------------------------------------
    def secret(
        self,
        hit: Hit,
        *,
        line: int,
        key: str | None = None,
        context: SecretContext | None = None,
        column: int | None = None,
        at: int | None = None,
    ) -> bool:
        """Record a detector's hit at `line` (and `column` when known); False when it is not a secret to
        report (a reference tag, a translation catalogue) or was recorded already. `at`: the value's offset
        in the text, where the caller found it (`place`), for the text before it on its line. Its
        fingerprint comes when the file's evidence is built (`build`)."""
        detector = hit.detector
        value = hit.value
        confidence = Confidence(getattr(hit, "confidence", None) or detector.confidence)
        reason = getattr(hit, "reason", "") or ""
        if detector.generic and self._catalogue():
            # `"password": "Contraseña"` in locales/es.json: the login form's label, in Spanish. A key-name
            # rule has nothing to go on here; a provider's token format is still found.
            return False
        before = self._before_value(line, value, key, column, at)
        if values.tagged_reference(before):
            # `Password: !Ref DbPassword`: the YAML parser drops the tag, the line still shows the pointer.
            return False
        if values.fixture_marker(before):
            # `FAKE_TOKEN = ...`, `# dummy key for tests`: the file says this is not a live credential.
            confidence = Confidence.LOW
            reason = "marked as a fake or test fixture on its line; " + reason
        severity = Severity(detector.severity)
        near = getattr(detector, "public_near", None)
        if near is not None and self._published_here(near, value, line):
            # A Google API key beside `authDomain` and `messagingSenderId`: a Firebase app config, public.
            severity = Severity.LOW
            if confidence is Confidence.HIGH:
                confidence = Confidence.MEDIUM
            reason = near.reason + ("; " + reason if reason else "")
        # One value of one detector once per line (the fingerprint is a function of the kind and the value).
        dedupe = (detector.id, value, line)
        if dedupe in self._secret_keys:
            return False
        self._secret_keys.add(dedupe)
        self.flagged.add(value)
        # The fingerprint is filled in by _settle: a memory-hard one is derived meanwhile, beside the scan.
        self._pending.append(
            (len(self._secrets), fingerprint_soon(detector.kind, value, self.fingerprint_key), value)
        )
        match = SecretMatch(
            detector_id=detector.id,
            kind=detector.kind,
            location=Location(self.rel, line, column, key),
            redacted=redact(value, getattr(detector, "public_prefixes", ())),
            fingerprint="",
            severity=severity,
            confidence=confidence,
            context=context or self.kind.context,
            is_example=values.classify_value(value) == values.ValueClass.EXAMPLE,
            in_test_path=self.kind.in_test_path,
            identifier=value if getattr(detector, "identifier", False) else None,
            platform=to_platform(getattr(detector, "platform", None)),
            confidence_reason=reason,
            legacy_fingerprint=None,
        )
        # The engine already raised a hit whose partner sat close by; the file-wide raise is for the rest.
        # A value marked as a fixture stays low whatever sits beside it.
        partners = (
            ()
            if match.confidence != Confidence(detector.confidence) or reason.startswith("marked as")
            else tuple(detector.partner or ())
        )
        self._secrets.append((match, partners))
        self._overlap.append((_same_value_digest(value), _line_span(value)))
        return True

    def _catalogue(self) -> bool:
        if self._in_catalogue is None:
            self._in_catalogue = translation_catalogue(self.rel)
        return self._in_catalogue

    def _published_here(self, near: PublicNear, value: str, line: int) -> bool:
        start = self.offset_of_line(line)
        found = self.text.find(value, start) if value else -1
        at = found if found >= 0 else start
        return near.seen(self.text, at, at + len(value))

    def _before_value(
        self, line: int, value: str, key: str | None, column: int | None = None, at: int | None = None
    ) -> str:
        """The key path and the text of the value's line before the value, its last _BEFORE_VALUE characters:
        where fixture markers and reference tags sit (values.fixture_marker and values.tagged_reference read
        no further back). The value is at `column` when the caller knows it (a hit in free text), or at offset
        `at` (where `place` found it), else at the last occurrence of its start on the line.

        Neither the line nor the text before the value is copied whole: a minified file's one line of
        megabytes can hold thousands of hits, and copying it for each made the file's scan quadratic."""
        start = self.offset_of_line(line)
        end = self._line_end(line)
        if column is not None and start <= start + column - 1 <= end:
            cut = start + column - 1
        elif at is not None and start <= at <= end:
            cut = at
        else:
            found = self.text.rfind(value[:16], start, end) if value else -1
            cut = found if found >= 0 else end
        return (key or "") + " " + self.text[max(start, cut - _BEFORE_VALUE) : cut]

    def reference(
        self,
        kind: ReferenceKind,
        target: str,
        line: int,
        key: str | None = None,
        platform: Platform | None = None,
    ) -> None:
        ident = (kind, target, line, key)
        if ident not in self._references:
            self._references[ident] = SecretReference(
                kind, target, Location(self.rel, line, None, key), platform or _REFERENCE_PLATFORM.get(kind)
            )

    def setting(
        self, key: str, value: str, line: int, key_path: str | None = None, judge_as: str | None = None
    ) -> None:
        """A posture Setting; values a detector flagged or that look like secrets are blanked, never kept.
        `judge_as` is the key name the value is classified under (default: `key`)."""
        # Below 6 characters no value classifies as a secret candidate: skip the costly judgement. An identity
        # hint (a username, a client id, a role ARN) is never a secret: it must reach the identity join.
        if value in self.flagged or (
            len(value) >= 6
            and identity_hint_kind(judge_as or key, value) is None
            and self.looks_secret(value, judge_as or key)
        ):
            value = ""
        ident = (key, line)
        if ident not in self._settings:
            self._settings[ident] = Setting(
                key, value[:MAX_SETTING_VALUE], Location(self.rel, line, None, key_path or key)
            )

    def looks_secret(self, value: str, key: str | None) -> bool:
        return values.is_secret_candidate(value, key)

    def manifest(
        self,
        kind: str,
        name: str,
        line: int,
        key: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        self._manifests.append(
            ManifestHint(kind, name, Location(self.rel, line, None, key), dict(details or {}))
        )

    def skip(self, reason: str, category: str) -> None:
        self.skipped.append(Skipped(self.rel, reason, category))

    @property
    def secret_count(self) -> int:
        return len(self._secrets)

    # -- result -----------------------------------------------------------------------------------------
    def _settle(self) -> None:
        """Give each secret its fingerprint (and its scheme-2 alias), in the order they were found."""
        if not self._pending:
            return
        sink = VALUE_SINK.get()
        for index, soon, value in self._pending:
            match, partners = self._secrets[index]
            digest = soon()
            self.fingerprints.add(digest)
            if sink is not None:
                sink(match.kind, digest, value)
            match = replace(match, fingerprint=digest, legacy_fingerprint=legacy_fingerprint(digest))
            self._secrets[index] = (match, partners)
        self._pending.clear()

    def _without_overlaps(self) -> list[tuple[SecretMatch, tuple[str, ...]]]:
        """Drop a keyless match (the line scan) of a value a keyed match (the structured scan) already holds
        at the same place: one credential, one finding, the one that names its key path."""
        keyed: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for (match, _), (digest, span) in zip(self._secrets, self._overlap, strict=True):
            if match.location.key is not None:
                keyed.setdefault((match.kind, digest), []).append((match.location.line, span))
        kept = []
        for (match, partners), (digest, span) in zip(self._secrets, self._overlap, strict=True):
            if match.location.key is None and any(
                abs(match.location.line - line) <= max(span, other_span)
                for line, other_span in keyed.get((match.kind, digest), ())
            ):
                continue
            kept.append((match, partners))
        return kept

    def build(
        self, fmt: str, size: int, allow: tuple[int, ...], peer_allow: tuple[tuple[int, str], ...] = ()
    ) -> FileScan:
        self._settle()
        entries = self._without_overlaps()
        present = {m.detector_id for m, _ in entries} | {m.kind for m, _ in entries}
        secrets = []
        for match, partners in entries:
            others = present - {match.detector_id, match.kind}
            if partners and others.intersection(partners):
                match = replace(
                    match,
                    confidence=_RAISE[match.confidence],
                    confidence_reason=match.confidence_reason + "; its partner credential is in the file",
                )
            secrets.append(match)
        secrets.sort(key=SecretMatch.sort_key)
        return FileScan(
            path=self.rel,
            format=fmt,
            size=size,
            secrets=tuple(secrets),
            references=tuple(
                sorted(self._references.values(), key=lambda r: (r.location.line, r.kind.value))
            ),
            settings=tuple(sorted(self._settings.values(), key=lambda s: (s.location.line, s.key))),
            manifests=tuple(self._manifests),
            skipped=tuple(self.skipped),
            allow_lines=allow,
            peer_allow=peer_allow,
        )
