"""The secret-format engine: loads rules/detectors/*.yaml and finds credentials in text and scalar values.

Speed comes from never running a detector's regex where it cannot match: one pass of a multi-literal
prefilter (Vectorscan through the `hyperscan` bindings when importable, `bytes.find` otherwise) finds every
occurrence of every detector keyword, and each candidate detector's regex then runs only on the lines around
its own keyword hits.

A detector file holds: `id` (= file stem), `kind`, `platform`, `title`, `regex` (Python `re`; the value is
group `secret` when present, else the whole match; a `key` group names the assignment's key), `keywords`
(lowercase literals, at least one of which every match contains), `severity`, `confidence`, `examples`
(`match` / `no_match`, each one a test), and optionally `entropy` (minimum Shannon entropy of the value),
`identifier` (a public id, not a secret), `generic` (a key-name rule: the value must classify as a secret
candidate and the key must name a secret), `assume_key` (the key a generic rule without a `key` group judges
its value under), `partner` (detector ids whose hit nearby raises confidence), `window` (characters after the
keyword's line the regex may still need), `public_prefix` (the fixed, documented start of every value, such
as `ghp_`, or a list of them: the only part of a value a report may show; never for passwords or generic
secrets), `description`, `checksum` (a structural check from auditor/extract/validators.py: a value that
verifies is high confidence, one that fails is low), and `checksum_required` (a value that fails the check is
no match at all: a Docker `auth` that is not base64 of `user:password`), and `public_near` (`markers`, `min`,
`within`, `reason`: where at least `min` of the lowercase markers occur within `within` characters of a value,
the value is published by design there, as a Google API key in a Firebase web config is; it is reported at
low severity and at most medium confidence, with the reason).

Every regex must run in linear time: regexcheck.check_linear rejects unbounded and ambiguous quantifiers
when the file loads, and the engine runs a detector only on regions of at most its maximum match width
around its keyword hits, so the work per keyword hit is bounded whatever the file holds.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import sys
from collections.abc import Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from auditor import regexcache
from auditor.errors import RuleLoadError
from auditor.extract import budget
from auditor.extract.chains import Collapsed
from auditor.extract.lookback import line_head
from auditor.extract.prefixes import names_its_provider, spells_its_provider
from auditor.extract.regexcheck import RegexComplexityError, check_linear
from auditor.extract.validators import VALIDATORS, is_cut, validate
from auditor.extract.values import (
    ValueClass,
    anonymous_account,
    classify_value,
    is_password_key,
    is_secret_key,
    is_structured_uuid,
    login_as_password,
    shannon_entropy,
)
from auditor.model import Confidence, Platform, Severity

if TYPE_CHECKING:
    import yaml

    from auditor.extract.prefixes import ProviderKeys, ProviderPrefixes
    from auditor.extract.regexgate import Gate, Partition

__all__ = ["Detector", "DetectorSet", "Hit", "PrefilterChoice", "Probe", "hyperscan_available"]

PrefilterChoice = Literal["auto", "hyperscan", "python"]

_REQUIRED = ("id", "kind", "platform", "title", "regex", "keywords", "severity", "confidence", "examples")
_OPTIONAL = (
    "entropy",
    "identifier",
    "generic",
    "partner",
    "window",
    "assume_key",
    "description",
    "public_prefix",
    "checksum",
    "checksum_required",
    "anchor",
    "public_near",
    "gate_from",
)
# Characters past a region's last possible match end kept visible to trailing lookaheads (`(?![\w.])`).
_LOOKAHEAD_SLACK = 64
# A gate verdict shared by a document's scalars (scan_values) is used while it leaves at most this many
# detectors open: past that, looking for each one's keywords in every scalar costs more than a gate pass.
_SHARED_VERDICT_MAX = 8
# A run of scalars whose shared verdict does not hold is halved while each half keeps at least this many.
_SHARED_SPLIT_MIN = 16
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KIND = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
# Characters a key name is made of, walked backwards from a generic rule's keyword: `DB_` + `PASSWORD`.
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_MAX_KEY_BACKTRACK = 80
_KEY_CHARS_TEXT = "".join(sorted(_KEY_CHARS))  # for str.rstrip (_extend_key_backwards)
_KEY_VERDICTS_MAX = 1 << 16  # keys a DetectorSet remembers the verdict of before it starts again
# A partner (the secret key of a key id, the consumer secret of a consumer key) this close raises confidence.
PARTNER_DISTANCE = 2000
_CONFIDENCE_UP = {
    Confidence.LOW: Confidence.MEDIUM,
    Confidence.MEDIUM: Confidence.HIGH,
    Confidence.HIGH: Confidence.HIGH,
}
_CONFIDENCE_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


class LazyRegex:
    """A detector's compiled regex, compiled on first use.

    Hundreds of detectors load in every worker process, and most never see their keyword in a given scan:
    compiling each one only when it first runs keeps start-up (and the pickled set shipped to workers)
    cheap. The loader compiles once to validate; a pickled copy carries only the pattern text.
    """

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str, compiled: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self._compiled = compiled

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            # From the program an earlier run stored, or compiled and stored for the next run.
            self._compiled = regexcache.compile_detector(self.pattern)
        return self._compiled

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def __reduce__(self) -> tuple[type[LazyRegex], tuple[str]]:
        return (LazyRegex, (self.pattern,))

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


def _compiled(regex: LazyRegex | re.Pattern[str]) -> re.Pattern[str]:
    """The compiled pattern behind a detector's regex (a LazyRegex, or a Pattern a caller built itself)."""
    return regex.compiled if isinstance(regex, LazyRegex) else regex


@dataclass(frozen=True, repr=False)
class Detector:
    """One credential format, from one rules/detectors/<id>.yaml file."""

    id: str
    kind: str
    platform: Platform
    title: str
    regex: LazyRegex
    keywords: tuple[str, ...]
    entropy: float | None
    severity: Severity
    confidence: Confidence
    identifier: bool
    generic: bool
    partner: tuple[str, ...]
    examples_match: tuple[str, ...]
    examples_no_match: tuple[str, ...]
    source: str
    # Characters after the keyword's line that the regex may still need (a PEM block spans many lines).
    window: int = 0
    # For generic rules without a `key` group: the key name the value is judged under (`password` for the
    # password part of a URL).
    assume_key: str | None = None
    description: str = ""
    # The longest text one match can span (bounded: regexcheck); regions around keyword hits use it.
    max_width: int = 0
    # The documented fixed start of every value (`ghp_`, `AKIA`, `xoxb-`): public, so reports may show it.
    public_prefixes: tuple[str, ...] = ()
    # A structural check the value carries (validators.VALIDATORS): checksum suffix, macaroon, JWT header.
    checksum: str | None = None
    checksum_required: bool = False
    # For a format with no fixed text to prefilter on (a bare Discord bot token: base64 of a numeric id): a
    # regex the prefilter looks for instead of a keyword, in the same Vectorscan pass. Every match of `regex`
    # contains a match of it (proved on the examples at load), so a region around each anchor hit holds
    # every match, as around a keyword.
    anchor: str | None = None
    # Words that, around a value, say the key is public by design where it sits (a Google API key in a
    # Firebase web app's config is shipped to every browser): reported at low severity, with the reason.
    public_near: PublicNear | None = None
    # Literal text in the regex's top-level sequence from which the Vectorscan gate matches (regexgate.widen's
    # `start`): every match of the regex contains a match of what follows, so the gate stays a superset. For
    # a regex that opens with common words (a database URL's scheme names before `://`), which Vectorscan
    # otherwise checks before every occurrence of the literal in a tree.
    gate_from: str | None = None

    def __repr__(self) -> str:
        return f"Detector(id={self.id!r}, kind={self.kind!r})"


@dataclass(frozen=True)
class PublicNear:
    """A detector's `public_near`: at least `min_markers` of `markers` within `within` characters of a value
    (case-insensitive) mean the value is published by design there, and `reason` says what to do instead."""

    markers: tuple[str, ...]
    min_markers: int
    within: int
    reason: str

    def seen(self, text: str, start: int, end: int) -> bool:
        """Whether enough markers occur within `within` characters of text[start:end]."""
        around = text[max(0, start - self.within) : end + self.within].lower()
        return sum(1 for marker in self.markers if marker in around) >= self.min_markers


@dataclass(frozen=True)
class Hit:
    """One match, with offsets into the scanned text. `value` is the secret or identifier, in memory only."""

    detector: Detector
    value: str = field(repr=False)  # never in a repr, log line or traceback
    start: int = 0
    end: int = 0
    confidence: Confidence = Confidence.MEDIUM
    # The key name of the assignment the value sits in, where the detector saw one.
    key: str | None = None
    # Why the confidence is what it is (a checksum verified, a generic key-name match, a partner nearby).
    reason: str = ""

    @property
    def kind(self) -> str:
        return self.detector.kind


def hyperscan_available() -> bool:
    """Whether the Vectorscan bindings import on this machine."""
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


# ------------------------------------------------------------------------------------------------ loading


def _fail(source: str, message: str) -> RuleLoadError:
    return RuleLoadError(f"{source}: {message}")


def _str_list(raw: Any, source: str, name: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if raw is None and allow_empty:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise _fail(source, f"`{name}` must be a list of non-empty strings")
    if not raw and not allow_empty:
        raise _fail(source, f"`{name}` must not be empty")
    return tuple(raw)


def _parse_detector(path: Path, data: Any) -> Detector:
    source = str(path)
    if not isinstance(data, Mapping):
        raise _fail(source, "a detector file must hold a mapping")
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise _fail(source, f"unknown key(s): {', '.join(map(str, unknown))}")
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise _fail(source, f"missing field(s): {', '.join(missing)}")

    det_id = data["id"]
    if not isinstance(det_id, str) or not _ID.match(det_id):
        raise _fail(source, "`id` must be a kebab-case string")
    if det_id != path.stem:
        raise _fail(source, f"`id` {det_id!r} must equal the file name {path.stem!r}")
    kind = data["kind"]
    if not isinstance(kind, str) or not _KIND.match(kind):
        raise _fail(source, "`kind` must be a snake_case string")
    for name in ("title",):
        if not isinstance(data[name], str) or not data[name].strip():
            raise _fail(source, f"`{name}` must be a non-empty string")
    try:
        platform = Platform(data["platform"])
        severity = Severity(data["severity"])
        confidence = Confidence(data["confidence"])
    except ValueError as exc:
        raise _fail(source, str(exc)) from None

    pattern = data["regex"]
    if not isinstance(pattern, str) or not pattern:
        raise _fail(source, "`regex` must be a non-empty string")
    try:
        # re's parser finds every syntax error; compiling waits until the detector first runs.
        width = regex_width(pattern)
        regex = LazyRegex(pattern)
    except re.error as exc:
        raise _fail(source, f"bad regex: {exc}") from None
    try:
        check_linear(pattern)
    except RegexComplexityError as exc:
        raise _fail(source, f"regex could take more than linear time: {exc}") from None

    anchor = _parse_anchor(data.get("anchor"), source)
    keywords = _str_list(data["keywords"], source, "keywords", allow_empty=anchor is not None)
    for kw in keywords:
        if kw != kw.lower() or not kw.isascii():
            raise _fail(source, f"keyword {kw!r} must be lowercase ASCII")

    entropy = data.get("entropy")
    if entropy is not None and (
        isinstance(entropy, bool) or not isinstance(entropy, (int, float)) or not 0 <= entropy <= 8
    ):
        raise _fail(source, "`entropy` must be a number between 0 and 8")
    flags = {}
    for name in ("identifier", "generic", "checksum_required"):
        value = data.get(name, False)
        if not isinstance(value, bool):
            raise _fail(source, f"`{name}` must be true or false")
        flags[name] = value
    partner = _str_list(data.get("partner"), source, "partner", allow_empty=True)
    window = data.get("window", 0)
    if isinstance(window, bool) or not isinstance(window, int) or not 0 <= window <= 65536:
        raise _fail(source, "`window` must be an integer between 0 and 65536")
    assume_key = data.get("assume_key")
    if assume_key is not None and (not isinstance(assume_key, str) or not assume_key):
        raise _fail(source, "`assume_key` must be a non-empty string")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(source, "`description` must be a string")
    raw_prefix = data.get("public_prefix")
    public_prefixes = (raw_prefix,) if isinstance(raw_prefix, str) else raw_prefix
    if public_prefixes is None:
        public_prefixes = ()
    if not isinstance(public_prefixes, (list, tuple)) or not all(
        isinstance(p, str) and 2 <= len(p) <= 32 and p.isascii() for p in public_prefixes
    ):
        raise _fail(
            source, "`public_prefix` must be an ASCII string of 2 to 32 characters, or a list of them"
        )
    public_prefixes = tuple(public_prefixes)
    checksum = data.get("checksum")
    if checksum is not None and checksum not in VALIDATORS:
        raise _fail(source, f"`checksum` must be one of: {', '.join(sorted(VALIDATORS))}")
    if flags["checksum_required"] and checksum is None:
        raise _fail(source, "`checksum_required` needs a `checksum`")

    examples = data["examples"]
    if not isinstance(examples, Mapping):
        raise _fail(source, "`examples` must be a mapping with `match` and `no_match`")
    bad = sorted(set(examples) - {"match", "no_match"})
    if bad:
        raise _fail(source, f"unknown key(s) under examples: {', '.join(map(str, bad))}")
    match = _str_list(examples.get("match"), source, "examples.match")
    no_match = _str_list(examples.get("no_match"), source, "examples.no_match", allow_empty=True)
    for i, example in enumerate(match):
        # The prefilter must let every positive example through, or the detector could never fire on it.
        if anchor is not None:
            # The region around an anchor hit must hold the match: prove the anchor occurs inside it.
            found = regex.search(example)
            if found is None or not re.search(anchor.encode("ascii"), found.group(0).encode("ascii")):
                raise _fail(source, f"examples.match[{i}]: the anchor does not occur inside the match")
        elif not any(kw in example.lower() for kw in keywords):
            raise _fail(source, f"examples.match[{i}] contains none of the keywords")
        if public_prefixes:
            # A prefix is public only if it is the fixed start of every value: prove it on the examples.
            found = regex.search(example)
            value = None
            if found is not None:
                value = found.group("secret") if "secret" in regex.groupindex else found.group(0)
            if value is not None and not value.startswith(public_prefixes):
                raise _fail(source, f"examples.match[{i}]: the value does not start with a `public_prefix`")
    if public_prefixes and (flags["generic"] or kind == "password"):
        raise _fail(source, "`public_prefix` is for fixed token formats, never passwords or generic secrets")

    return Detector(
        id=det_id,
        kind=kind,
        platform=platform,
        title=data["title"].strip(),
        regex=regex,
        keywords=keywords,
        entropy=float(entropy) if entropy is not None else None,
        severity=severity,
        confidence=confidence,
        identifier=flags["identifier"],
        generic=flags["generic"],
        partner=partner,
        examples_match=match,
        examples_no_match=no_match,
        source=source,
        window=window,
        assume_key=assume_key,
        description=description.strip(),
        max_width=min(width, _MAX_REGION),
        public_prefixes=public_prefixes,
        checksum=checksum,
        checksum_required=flags["checksum_required"],
        anchor=anchor,
        public_near=_parse_public_near(data.get("public_near"), source),
        gate_from=_parse_gate_from(data.get("gate_from"), pattern, source),
    )


def _parse_gate_from(raw: Any, pattern: str, source: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw or not raw.isascii():
        raise _fail(source, "`gate_from` must be non-empty ASCII text")
    from auditor.extract.regexgate import UntranslatableRegex, literal_start

    try:
        literal_start(pattern, raw)
    except UntranslatableRegex as exc:
        raise _fail(source, f"`gate_from`: {exc}") from None
    return raw


def _parse_public_near(raw: Any, source: str) -> PublicNear | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) - {"markers", "min", "within", "reason"}:
        raise _fail(source, "`public_near` takes markers, min, within and reason")
    markers = _str_list(raw.get("markers"), source, "public_near.markers")
    if any(m != m.lower() or not m.isascii() for m in markers):
        raise _fail(source, "`public_near.markers` must be lowercase ASCII")
    low, within, reason = raw.get("min", 2), raw.get("within", 400), raw.get("reason")
    if isinstance(low, bool) or not isinstance(low, int) or not 1 <= low <= len(markers):
        raise _fail(source, "`public_near.min` must be an integer from 1 to the number of markers")
    if isinstance(within, bool) or not isinstance(within, int) or not 1 <= within <= 4096:
        raise _fail(source, "`public_near.within` must be an integer between 1 and 4096")
    if not isinstance(reason, str) or not reason.strip():
        raise _fail(source, "`public_near.reason` must be a non-empty string")
    return PublicNear(markers=markers, min_markers=low, within=within, reason=" ".join(reason.split()))


# An anchor is scanned over whole files by Vectorscan and by `re`: plain characters, classes, bounded repeats
# and groups only (no lookaround, backreference or position, which Vectorscan lacks), long enough not to hit
# at every other offset.
_ANCHOR_MIN_WIDTH = 16
_ANCHOR_MAX_WIDTH = 256
_ANCHOR_FORBIDDEN = ("ASSERT", "ASSERT_NOT", "AT", "GROUPREF", "GROUPREF_EXISTS", "ATOMIC_GROUP")


def _parse_anchor(raw: Any, source: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw or not raw.isascii():
        raise _fail(source, "`anchor` must be a non-empty ASCII regex")
    import re._parser as sre_parse

    try:
        parsed = sre_parse.parse(raw)
        check_linear(raw)
    except re.error as exc:
        raise _fail(source, f"bad anchor: {exc}") from None
    except RegexComplexityError as exc:
        raise _fail(source, f"anchor could take more than linear time: {exc}") from None
    low, high = parsed.getwidth()
    if low < _ANCHOR_MIN_WIDTH or high > _ANCHOR_MAX_WIDTH:
        raise _fail(source, f"`anchor` must match {_ANCHOR_MIN_WIDTH} to {_ANCHOR_MAX_WIDTH} characters")
    if _anchor_ops(parsed) & set(_ANCHOR_FORBIDDEN):
        raise _fail(source, "`anchor` may not use lookarounds, backreferences or positions")
    return raw


def _anchor_ops(node: Any) -> set[str]:
    """The opcode names anywhere in a parsed pattern."""
    names: set[str] = set()
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif hasattr(item, "data"):  # a SubPattern
            stack.extend(item.data)
        elif type(item).__name__ == "_NamedIntConstant":
            names.add(str(item))
    return names


_MAX_REGION = 1 << 20


def regex_width(regex: re.Pattern[str] | str) -> int:
    """The longest text one match of `regex` can span (re's own parser computes it; re.error when the
    pattern does not parse)."""
    import re._parser as sre_parse

    if isinstance(regex, str):
        return int(sre_parse.parse(regex).getwidth()[1])
    return int(sre_parse.parse(regex.pattern, regex.flags).getwidth()[1])


def _yaml_loader() -> type[yaml.SafeLoader]:
    import yaml  # only when a detector file is parsed: a scan with the detector set cached never loads it

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built
    return loader


def load_detector_file(path: Path, raw: bytes | None = None) -> Detector:
    """Parse and validate one detector file (its bytes, when already read); RuleLoadError names the file."""
    import yaml

    try:
        text = (path.read_bytes() if raw is None else raw).decode("utf-8")
        data = yaml.load(text, Loader=_yaml_loader())  # noqa: S506 (safe loader)
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(str(path), f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise _fail(str(path), f"invalid YAML: {exc}") from None
    return _parse_detector(path, data)


# ------------------------------------------------------------------------------------------------ cache
#
# Parsing and validating ~400 detector files (YAML, the linear-time check, regex widths, the examples) costs
# about half a second of CPU: more than a pre-commit scan of three files should take. The validated set is
# cached as plain data in marshal's format (never pickle: a cache entry is data, not code; marshal reads
# ~650 rows several times faster than JSON did, ~20 ms of every start-up), with a SHA-256 of the body,
# under a name hashed from every detector
# file's path and bytes, the code that validates them and the Python version, so an entry is only ever read
# for exactly the inputs it was built from; anything wrong with it means a normal load.

_CACHE_PREFIX = "detectors-"
_CACHE_FORMAT = b"detector-cache-v3"
_CACHE_SOURCES = ("detectors.py", "regexcheck.py", "validators.py")


def _cache_name(paths: Sequence[str | Path]) -> str | None:
    here = Path(__file__).parent
    parts = [_CACHE_FORMAT, sys.version.encode()]
    from auditor.cache import content_key, file_signature

    try:
        parts += [(here / name).read_bytes() for name in _CACHE_SOURCES]
        # The files' signatures (auditor.cache.file_signature), not their bytes: one stat per detector.
        parts += [file_signature(path) for path in paths]
    except OSError:
        return None  # installed without sources, or a file gone since the listing: no cache
    return f"{_CACHE_PREFIX}{content_key(parts)[:32]}.bin"


def _to_cache(detectors: Sequence[Detector]) -> bytes:
    import hashlib
    import marshal

    rows = []
    for det in detectors:
        row = {name: getattr(det, name) for name in Detector.__dataclass_fields__}
        row["regex"] = det.regex.pattern
        row["platform"] = det.platform.value
        row["severity"] = det.severity.value
        row["confidence"] = det.confidence.value
        near = det.public_near
        row["public_near"] = (
            None if near is None else (near.markers, near.min_markers, near.within, near.reason)
        )
        rows.append(row)
    body = marshal.dumps(rows)
    return hashlib.sha256(body).digest() + body


_PLATFORMS = {p.value: p for p in Platform}
_SEVERITIES = {s.value: s for s in Severity}
_CONFIDENCES = {c.value: c for c in Confidence}


_FIELDS = frozenset(Detector.__dataclass_fields__)


def _from_cache(raw: bytes) -> list[Detector] | None:
    import hashlib
    import marshal

    digest, body = raw[:32], raw[32:]
    if hashlib.sha256(body).digest() != digest:
        return None  # truncated or damaged: rebuild
    try:
        rows = marshal.loads(body)
        if not isinstance(rows, list):
            return None
        out = []
        for row in rows:
            if not isinstance(row, dict) or row.keys() != _FIELDS:
                return None  # another layout: rebuild
            row["regex"] = LazyRegex(row["regex"])
            # The enums' own value maps: calling Platform(...) hundreds of times was a start-up cost.
            row["platform"] = _PLATFORMS[row["platform"]]
            row["severity"] = _SEVERITIES[row["severity"]]
            row["confidence"] = _CONFIDENCES[row["confidence"]]
            if row["public_near"] is not None:
                row["public_near"] = PublicNear(*row["public_near"])
            # Every field set at once, as unpickling does: the frozen dataclass's __init__ (one
            # object.__setattr__ per field) was most of the load. Detector has no __post_init__ to skip.
            det = object.__new__(Detector)
            det.__dict__.update(row)
            out.append(det)
    except (ValueError, TypeError, KeyError, EOFError):
        return None  # from another layout: rebuild
    return out


# ------------------------------------------------------------------------------------------------ prefilter


class _Prefilter:
    """Finds every case-insensitive occurrence of a fixed set of ASCII keywords in a byte buffer, and the
    matches of the detectors' anchors (case as written), numbered after the keywords.

    A keyword that overlaps itself densely (twenty `a`s) has its occurrences in a run of its unit listed as a
    chain (chains.py): in full when short, else collapsed, which `hits` and `keyword_hits` report."""

    name = "python"

    def __init__(
        self, keywords: Sequence[str], anchors: Sequence[str] = (), half_widths: Sequence[int] = ()
    ) -> None:
        from auditor.extract.chains import chain_for

        self.keywords = tuple(kw.encode("ascii") for kw in keywords)
        self.anchors = tuple(re.compile(a.encode("ascii")) for a in anchors)
        # Keyword index -> its Chain, for the keywords that can overlap densely (`half_widths`: the smallest
        # region half-width of each keyword's detectors, which bounds a collapsed chain's stride).
        widths = tuple(half_widths) or tuple(len(kw) for kw in self.keywords)
        chains = {index: chain_for(kw, widths[index]) for index, kw in enumerate(self.keywords)}
        self._chains = {index: chain for index, chain in chains.items() if chain is not None}
        self._chain_of = {self.keywords[index]: chain for index, chain in self._chains.items()}

    def find_all(self, lowered: bytes, kw: bytes) -> tuple[list[int], bool]:
        """Every start of `kw` in `lowered` (the buffer in lower case), and whether a collapsed chain stands
        for some of them."""
        find = lowered.find
        out: list[int] = []
        collapsed = False
        chain = self._chain_of.get(kw)
        pos = find(kw)
        while pos >= 0:
            if chain is None:
                out.append(pos)
                pos = find(kw, pos + 1)
                continue
            # Left to right, each occurrence found is the first of its chain: the rest of the chain is
            # listed at once, and the search goes on after its last occurrence.
            listed, short = chain.expand(lowered, pos)
            out += listed
            collapsed = collapsed or short
            pos = find(kw, listed[-1] + 1)
        return out, collapsed

    def hits(self, buf: bytes) -> tuple[list[tuple[int, int]], frozenset[int]]:
        """(keyword index, start offset) for every occurrence; for an anchor, the end of each match (a region
        spans the detector's longest match either side of the offset, so either end will do). And the
        keywords for which a collapsed chain stands for some occurrences."""
        lowered = buf.lower()
        out: list[tuple[int, int]] = []
        collapsed: set[int] = set()
        for index, kw in enumerate(self.keywords):
            found, short = self.find_all(lowered, kw)
            out += [(index, pos) for pos in found]
            if short:
                collapsed.add(index)
        first = len(self.keywords)
        for offset, anchor in enumerate(self.anchors):
            out += [(first + offset, m.end()) for m in anchor.finditer(buf)]
        return out, frozenset(collapsed)

    def any(self, buf: bytes) -> bool:
        lowered = buf.lower()
        return any(kw in lowered for kw in self.keywords) or any(a.search(buf) for a in self.anchors)


class _HyperscanPrefilter(_Prefilter):
    """The same contract in one Vectorscan pass over the buffer."""

    name = "hyperscan"

    def __init__(
        self, keywords: Sequence[str], anchors: Sequence[str] = (), half_widths: Sequence[int] = ()
    ) -> None:
        import hyperscan

        from auditor.extract.chains import first_occurrence

        super().__init__(keywords, anchors, half_widths)
        # Vectorscan reports where a match ends: a keyword starts its length before, an anchor hit is
        # given by its end (as in _Prefilter.hits).
        self._lengths = tuple(len(kw) for kw in self.keywords) + (0,) * len(self.anchors)
        self._terminated: type[Exception] = getattr(hyperscan, "ScanTerminated", hyperscan.error)
        self._wanted_owners: Sequence[Sequence[int]] | None = None
        self._wanted_sets: dict[frozenset[int], tuple[tuple[int, ...], ...]] = {}
        from auditor.extract.vectorscan import compile_database

        self._db = compile_database(
            "detector-keywords",
            # A keyword that overlaps itself densely is reported where its chains begin (chains.py).
            [
                first_occurrence(kw)
                if index in self._chains
                else re.escape(kw.decode("ascii")).encode("ascii")
                for index, kw in enumerate(self.keywords)
            ]
            + [a.encode("ascii") for a in anchors],
            [hyperscan.HS_FLAG_CASELESS] * len(self.keywords) + [0] * len(self.anchors),
        )

    def hits(self, buf: bytes) -> tuple[list[tuple[int, int]], frozenset[int]]:
        out: list[tuple[int, int]] = []
        append = out.append
        lengths = self._lengths

        def on_match(index: int, _from: int, to: int, _flags: int, _ctx: object) -> None:
            append((index, to - lengths[index]))

        self._db.scan(buf, match_event_handler=on_match)
        chains = self._chains
        if not chains or not any(index in chains for index, _ in out):
            return out, frozenset()
        # The chain keywords' hits are where their chains begin: list each chain.
        listed: list[tuple[int, int]] = []
        collapsed: set[int] = set()
        for index, pos in out:
            chain = chains.get(index)
            if chain is None:
                listed.append((index, pos))
                continue
            found, short = chain.expand(buf, pos)
            listed += [(index, at) for at in found]
            if short:
                collapsed.add(index)
        return listed, frozenset(collapsed)

    def keyword_hits(
        self, buf: bytes, owners: Sequence[Sequence[int]], allowed: Container[int]
    ) -> dict[int, list[int]]:
        """Detector -> the start of every occurrence of one of its keywords in `buf` (case-insensitive), for
        the detectors in `allowed` only (`owners`: keyword index -> the detectors that list it, each once):
        what a find loop over each allowed detector's keywords gives, from one pass instead of a search of
        the whole buffer per keyword. Anchors are not included."""
        found: dict[int, list[int]] = {}
        lengths = self._lengths
        wanted = self._wanted(owners, allowed)

        def on_match(index: int, _from: int, to: int, _flags: int, _ctx: object) -> None:
            dets = wanted[index]
            if dets:
                start = to - lengths[index]
                for det_index in dets:
                    hits = found.get(det_index)
                    if hits is None:
                        found[det_index] = [start]
                    else:
                        hits.append(start)

        self._db.scan(buf, match_event_handler=on_match)
        if self._chains and any(det_index < 0 for det_index in found):
            self._list_chains(buf, found, owners, allowed)
        return found

    def _list_chains(
        self,
        buf: bytes,
        found: dict[int, list[int]],
        owners: Sequence[Sequence[int]],
        allowed: Container[int],
    ) -> None:
        """keyword_hits' chains: a chain keyword's hits (where its chains begin) were gathered under the key
        -1 - its index (_wanted); each chain is listed and given to the keyword's allowed detectors, whose
        hits become Collapsed where a collapsed chain stands for some of them."""
        for key in [key for key in found if key < 0]:
            index = -1 - key
            chain = self._chains[index]
            listed: list[int] = []
            collapsed = False
            for first in found.pop(key):
                part, short = chain.expand(buf, first)
                listed += part
                collapsed = collapsed or short
            for det_index in owners[index]:
                if det_index not in allowed:
                    continue
                hits = found.get(det_index)
                if hits is None:
                    hits = found[det_index] = Collapsed() if collapsed else []
                elif collapsed and type(hits) is not Collapsed:
                    hits = found[det_index] = Collapsed(hits)
                hits += listed

    def _wanted(
        self, owners: Sequence[Sequence[int]], allowed: Container[int]
    ) -> tuple[tuple[int, ...], ...]:
        """Pattern index -> the detectors of `allowed` that own that keyword (none for an anchor): the
        owners filtered once per distinct allowed set, not at every keyword hit (a common keyword such as
        `key` or `token` is owned by a hundred detectors, of which the gate let through a few). Remembered
        for the last `owners` given, for a bounded number of allowed sets."""
        if self._wanted_owners is not owners:
            self._wanted_owners, self._wanted_sets = owners, {}
        ident = frozenset(cast("Iterable[int]", allowed))
        wanted = self._wanted_sets.get(ident)
        if wanted is None:
            if len(self._wanted_sets) >= 4096:
                self._wanted_sets.clear()
            wanted = tuple(tuple(d for d in dets if d in ident) for dets in owners)
            if self._chains:
                # A chain keyword's hits go under one key of their own, to be listed after the scan.
                wanted = tuple(
                    (-1 - index,) if dets and index in self._chains else dets
                    for index, dets in enumerate(wanted)
                )
            wanted += ((),) * (len(self._lengths) - len(wanted))
            self._wanted_sets[ident] = wanted
        return wanted

    def any(self, buf: bytes) -> bool:
        found = False

        def on_match(_index: int, _from: int, _to: int, _flags: int, _ctx: object) -> bool:
            nonlocal found
            found = True
            return True  # stop scanning

        with contextlib.suppress(self._terminated):  # the early stop asked for above
            self._db.scan(buf, match_event_handler=on_match)
        return found


# ------------------------------------------------------------------------------------------------ scanning


def _blind_items(items: Sequence[tuple[str | None, str]], texts: list[str], joined: str) -> list[int]:
    """The indices of the items whose text (`texts`, joined by line breaks in `joined`; empty values have no
    text) holds a character the gate is blind to, in order."""
    from auditor.extract.regexgate import BLIND_CHARS

    found = [m.start() for m in BLIND_CHARS.finditer(joined)]
    if not found:
        return []
    text_of = [i for i, (_key, value) in enumerate(items) if value]
    starts = _joined_starts(texts)
    return sorted({text_of[bisect.bisect_right(starts, at) - 1] for at in found})


def _joined_starts(texts: list[str]) -> list[int]:
    """Where each of `texts` starts in `"\n".join(texts)`."""
    starts: list[int] = []
    pos = 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    return starts


def _utf8(text: str) -> bytes:
    """`text` as the gate reads it: UTF-8, or b"\\xff" (not UTF-8: not judged) when it holds a lone
    surrogate (a JSON `\\ud800` escape), which has no UTF-8 form."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return b"\xff"


# The keyword question (does any detector keyword occur?) as a Probe answer. The combined pass does not ask
# it: nearly every file holds a keyword (all but 2 of the default bench corpus's 20,000), and answering it
# there cost 15-20% of the pass, while the keyword prefilter's own database answers it alone, stopping at
# the first keyword, where a caller needs it (Probe.with_answer records that answer).
KEYWORDS = "detector-keywords"


@dataclass(frozen=True, slots=True)
class Probe:
    """What one combined Vectorscan pass over a file's bytes says (DetectorSet.probe).

    `allowed`: the detectors that may yield a hit (the gate), None where the gate does not judge the buffer;
    `found`: the partitions (marker sets; KEYWORDS once with_answer adds it) that occur; `asked`: the
    partitions answered.
    """

    allowed: set[int] | None
    found: frozenset[str]
    asked: tuple[str, ...]

    def may_match(self) -> bool | None:
        """As DetectorSet.may_match on the same buffer."""
        return None if self.allowed is None else bool(self.allowed)

    def keywords(self) -> bool | None:
        """As DetectorSet.candidates on the same buffer (None: not asked)."""
        return self.answer(KEYWORDS)

    def answer(self, partition: str) -> bool | None:
        """Whether anything of `partition` occurs; None when this pass was not asked (answer it directly)."""
        if partition not in self.asked:
            return None
        return partition in self.found

    def with_answer(self, partition: str, occurs: bool) -> Probe:
        """This probe with one more question answered, over the same bytes (KEYWORDS: what
        DetectorSet.candidates said of them)."""
        found = self.found | {partition} if occurs else self.found
        return Probe(self.allowed, found, (*self.asked, partition))


@dataclass(frozen=True)
class _Candidate:
    detector: Detector
    value: str
    start: int
    end: int
    match_len: int
    key: str | None
    confidence: Confidence | None = None
    reason: str = ""


def _rank(c: _Candidate) -> tuple[int, int, int, int, str]:
    """Sort key: most specific first. Formats beat key-name rules, platform rules beat catch-alls."""
    d = c.detector
    return (
        int(d.generic),
        int(d.platform is Platform.OTHER),
        -c.match_len,
        -_CONFIDENCE_RANK[d.confidence],
        d.id,
    )


def _confidence_of(det: Detector, value: str) -> tuple[Confidence, str]:
    """The confidence of one value under its detector, and the reason in words."""
    if det.checksum is not None:
        if validate(det.checksum, value):
            return Confidence.HIGH, f"{det.checksum} check verifies"
        return Confidence.LOW, f"{det.checksum} check fails: not a token the provider issued"
    if det.identifier:
        return det.confidence, "public identifier, not a secret by itself"
    if det.generic:
        return det.confidence, "generic: a secret-looking value under a secret-named key"
    return det.confidence, "provider token format"


# What a provider format's match may not be: a placeholder, a pointer, ciphertext, a program identifier, or a
# sandbox key.
_NOT_A_VALUE = frozenset(
    {ValueClass.PLACEHOLDER, ValueClass.REFERENCE, ValueClass.ENCRYPTED, ValueClass.CODE, ValueClass.SANDBOX}
)

# Why a UUID-shaped token is low confidence (values.is_structured_uuid).
_STRUCTURED_UUID = "a time-based or name-based UUID: an identifier or a copied example, never a random token"


_NPM_SETTINGS = ("_authtoken", "_auth", "_password")


def unread_npm_setting(text: str, value_start: int) -> bool:
    """Whether the value starting at `value_start` is assigned to an npm registry credential setting
    (`_authToken`, `_auth`, `_password`) in a form npm does not read.

    npm (since v9) reads these only under a key scoped to one registry, `//host[/path]/:_authToken`: the
    scope is the registry URL without its scheme and ends with `/`. `//registry.npmjs.org:_authToken`,
    `registry.npmjs.org/:_authToken`, `///:_authToken` (no host) and a bare `_authToken` configure nothing.
    String operations from the line's end, linear in the line.
    """
    line = text[text.rfind("\n", 0, value_start) + 1 : value_start]
    head = line.rstrip(" \t\"'")
    if not head.endswith(("=", ":")):
        return False
    head = head[:-1].rstrip(" \t")
    low = head[-len("_authtoken") :].lower()
    suffix = next((s for s in _NPM_SETTINGS if low.endswith(s)), None)
    if suffix is None:
        return False
    scope = head[: len(head) - len(suffix)]
    if scope and scope[-1] not in ": \t\"'":
        return False  # `NPM_AUTHTOKEN=`, `registry_password=`: a name of its own, not npm's setting
    cut = max(scope.rfind(c) for c in " \t\"'") + 1
    scope = scope[cut:]
    if not scope:
        return True
    return not (scope.startswith("//") and scope.endswith("/:") and len(scope) > 4 and scope[2] not in "/:")


_IMAGE_PATH = re.compile(r"(?i)\.(?:svg|png|gif|jpe?g|webp)$")
_IMG_SRC = re.compile(r"(?i)\bsrc\s*=\s*[\"']?$")


# How far back a doc comment's `@example` tag is looked for from a generic match (one example's lines).
_EXAMPLE_REACH = 600


def _documented_example(text: str, key_start: int) -> bool:
    """Whether the key at `key_start` sits in a doc comment's `@example` (JSDoc, TSDoc, the OpenAPI types a
    generator writes from a spec's examples): `/** @example { "refresh_token": "oauth_refresh_..." } */`
    documents a request's shape. The tag must open the same comment, with no `*/` between it and the key."""
    floor = max(0, key_start - _EXAMPLE_REACH)
    tag = text.rfind("@example", floor, key_start)
    if tag < 0:
        return False
    opened = text.rfind("/*", floor, tag)
    return opened >= 0 and text.find("*/", opened, key_start) < 0


def _image_url_before(text: str, key_start: int) -> bool:
    """Whether the key at `key_start` is a query parameter (after `?` or `&`) of an image's URL: a Markdown
    image (`![coverage](https://…/badge.svg?token=…)`), an HTML `<img src=…>`, or a path to an image file. A
    badge's token (Codecov's graph token, Travis CI's status token) only draws a private repository's badge.
    Reads at most 400 characters back, on the same line."""
    query = key_start - 1
    if query < 0 or text[query] not in "?&":
        return False
    head = line_head(text, query)
    cut = max(head.rfind(c) for c in " \t\"'(<>[]")
    path = head[cut + 1 :].split("?", 1)[0]
    before = head[: cut + 1]
    return bool(
        _IMAGE_PATH.search(path) or before.endswith("](") and "![" in before or _IMG_SRC.search(before)
    )


_SHARE_LINK_HOSTS = ("drive.google.com/", "docs.google.com/")


def _share_link_key(text: str, key_start: int) -> bool:
    """Whether the key is a Google Drive or Docs link's `resourcekey` query parameter (`…/view?usp=sharing&
    resourcekey=0-…`): part of a link its owner shares, read at most 400 characters back on the line."""
    if (
        key_start == 0
        or text[key_start - 1] not in "?&"
        or text[key_start : key_start + 12].lower() != ("resourcekey=")
    ):
        return False
    head = line_head(text, key_start)
    return any(host in head for host in _SHARE_LINK_HOSTS)


def _leading_key(text: str, start: int, end: int) -> str:
    """The key name a match without a `key` group opens with (`acme_key` in `acme_key: <value>`)."""
    i = start
    while i < end and text[i] in _KEY_CHARS:
        i += 1
    return text[start:i]


_NEXT_STRING = re.compile(r"[ \t]{0,8},[ \t]{0,8}[\"'`]")


def _loose_pair(text: str, key_start: int, key_end: int, value_start: int) -> bool:
    """A comma pair that is not a key and its value.

    The generic rules read `("DB_PASSWORD", "s3cret")` (a setter's two quoted arguments) as a key and its
    value. That holds only when the key is the whole first string and the value a quoted second one:
    `{"title": "Reset Password", "message": ...}` ends a title with the word, `('/etc/passwd', allowed)`
    ends a path with it and passes a variable.
    """
    between = text[key_end:value_start]
    if "," not in between or any(c in between for c in ":=>"):
        return False
    key_opens_string = key_start > 0 and text[key_start - 1] in "\"'`"
    value_quoted = value_start > 0 and text[value_start - 1] in "\"'`"
    if key_opens_string and value_quoted:
        # A list of three or more strings (`pick(pg, ['user', 'password', 'database', 'ssl'])`): names in a
        # row, no pair. A setter's key and value are its last two arguments (`config.set(s, 'password', x)`).
        close = text.find(text[value_start - 1], value_start, value_start + 200)
        if close >= 0 and _NEXT_STRING.match(text, close + 1):
            return True
    if key_opens_string and key_start >= 2 and text[key_start - 2] in "([{":
        # The choices of a membership test, `expected not in ('pass', 'reject')`: two values, no pair.
        before = text[max(0, key_start - 8) : key_start - 2].rstrip()
        if before.endswith(" in") or before == "in":
            return True
    return not (key_opens_string and value_quoted)


def _prose_label(text: str, key_start: int, key_end: int, value: str, value_start: int) -> bool:
    """`// Second pass: process files`, `hide_password: Whether to hide it`, `- Pass: names, dates`: a label,
    then a sentence or a list of words.

    A value of letters alone is a word of prose when the key is written after another word and one space
    (with a colon: `export PASS=…` and `val password: String = …` assign), or when more words follow it,
    unquoted, on the same line. A value with digits or symbols (`admin password: Tr0ub4dor&3`) is still
    judged, and so is a lone word (`Password: swordfish`).
    """
    if text[max(0, key_start - 4) : key_start] == "--- " and text[key_start:key_end] == "PASS":
        return True  # Go's test verdict: `--- PASS: TestE2E/Initialize (0.09s)`
    if not value.isalpha() or len(value) > 24:
        return False
    end = value_start + len(value)
    if (
        value_start > 0
        and text[value_start - 1] not in "\"'`"
        and (
            text[end : end + 1] == " "
            and text[end + 1 : end + 2].isalpha()
            # a list of words: `- Pass: identity, configurations, standing rules`
            or text[end : end + 2] == ", "
            and text[end + 2 : end + 3].isalpha()
        )
    ):
        return True
    if key_start < 2 or text[key_start - 1] != " " or not text[key_start - 2].isalnum():
        return False
    between = text[key_end:value_start]
    return ":" in between and "=" not in between


def _annotated_parameter(text: str, key_start: int, key_end: int, value: str, value_start: int) -> bool:
    """`def validate(self, boarding_pass: BoardingPassInfo)`, `(password: SecretStr = None, ...`: a parameter
    and its type in a signature, not a key and its value. The name follows `(` or `,`, one colon and at most
    a space separate it from a type name (a capital or `_` first, letters, digits, dots), and the signature
    goes on after it (`)`, `,`, `=`, `]`, `|`). `password: CorrectHorseBatteryStaple` on a line of its own
    is still judged."""
    if not value[:1].isupper() and value[:1] != "_":
        return False
    if not all(c.isalnum() or c in "._" for c in value):
        return False
    if text[key_end:value_start] not in (":", ": ") or text[value_start - 1 : value_start] in ("'", '"', "`"):
        return False
    after = text[value_start + len(value) : value_start + len(value) + 2].lstrip(" ")
    if after[:1] == ";" and _declared_member(text, key_start):
        # `  password: URLPatternComponentResult;` in an interface (a TypeScript declaration file, the
        # `worker-configuration.d.ts` every Cloudflare Workers project generates): a member and its type.
        return True
    before = text[max(0, key_start - 2) : key_start].rstrip(" ")
    if not before and after[:1] in ("|", "=") and key_start > 0 and text[key_start - 1] in " \t":
        # A signature written a parameter per line (`    finalChunkOfPass: GenerateContentResponse | null,`):
        # the line before ends the previous parameter or opens the list. Only with a union or a default
        # after the type, which no value written in a mapping has.
        line_start = text.rfind("\n", max(0, key_start - 200), key_start)
        if line_start > 0 and not text[line_start + 1 : key_start].strip(" \t"):
            before = text[max(0, line_start - 200) : line_start].rstrip(" \t\r")
    if not before or before[-1] not in "(,":
        return False
    if after[:1] not in (")", ",", "=", "]", "|", "["):
        return False
    # A flow mapping's pair (`db: {user: admin, password: Hk8vQ2mZr5, port: 5432}`): a value with a digit
    # inside braces is a literal; a signature's parameters sit inside parentheses.
    return not (any(map(str.isdigit, value)) and _open_bracket(text, key_start) == "{")


def _open_bracket(text: str, key_start: int) -> str | None:
    """The innermost bracket still open before `key_start`, reading at most 400 characters back."""
    depth = 0
    for c in reversed(text[max(0, key_start - 400) : key_start]):
        if c in ")]}":
            depth += 1
        elif c in "([{":
            if depth == 0:
                return c
            depth -= 1
    return None


_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]{0,80}")
_BASE64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_BASE64_REACH = 64  # base64 characters around a match that make it a piece of an encoded blob


def _inside_base64(text: str, start: int, end: int) -> bool:
    """Whether a provider format matched a piece of a longer base64 run: an image inlined as a data URI
    (`xlink:href="data:image/jpeg;base64,/9j/4QBj…+EAAC2z1hZWiAAAA…"` in an SVG, a notebook's PNG output), a
    certificate, a compressed payload. A token is written whole, between delimiters; a run of base64 that goes
    on with `+`, `/` or more letters on both sides of the match, 64 characters or more of it around the
    match, only happens to spell the format's prefix. Reads at most 64 characters each way."""
    if start < 1 or end >= len(text):
        return False
    if text[start - 1] not in _BASE64_CHARS or (text[end] not in _BASE64_CHARS and text[end] != "="):
        return False
    left = start
    floor = max(0, start - _BASE64_REACH)
    while left > floor and text[left - 1] in _BASE64_CHARS:
        left -= 1
    right = end
    ceiling = min(len(text), end + _BASE64_REACH)
    while right < ceiling and text[right] in _BASE64_CHARS:
        right += 1
    return (start - left) + (right - end) >= _BASE64_REACH


def _call_argument(text: str, key_start: int, key_end: int, value: str, value_start: int) -> bool:
    """`from_private_key_file(path, password=passphrase)`, `connect(user: u, password: pw)`: a named argument
    of a call whose value is a variable, unquoted. The key is the first thing after the call's `(` or an
    argument's `,` (on its line or a line before), the innermost bracket still open before the key is a `(`
    (a YAML flow mapping's `{user: admin, password: hunter2}` holds literals), and the argument list goes on
    or ends right after the value (`,` or `)`). Reads at most 400 characters back. A quoted value is judged
    as always."""
    if value_start < 1 or text[value_start - 1] in "\"'`" or not _IDENTIFIER.fullmatch(value):
        return False
    after = text[value_start + len(value) : value_start + len(value) + 8].lstrip(" \t")
    if after[:1] not in (")", ","):
        return False
    head = text[max(0, key_start - 400) : key_start].rstrip()  # an argument per line: the lines before
    if not head or head[-1] not in "(,":
        return False
    return _open_bracket(text, key_start) == "("


def _declared_member(text: str, key_start: int) -> bool:
    """Whether the key at `key_start` opens a member declaration: only indentation, or a `{` or `;` of the
    same declaration, before it on its line (`readonly` and the like count as indentation's words)."""
    line_start = text.rfind("\n", max(0, key_start - 200), key_start) + 1
    head = text[line_start:key_start].strip()
    if head in ("", "{", ";") or head.endswith(("{", ";")):
        return True
    return head in ("readonly", "public", "private", "protected", "declare", "static")


def _closes_a_string(text: str, key_start: int, key_end: int, value_start: int) -> bool:
    """`cout << "  password: " << data["password"]`: the key and its colon sit inside a string literal, so the
    quote after the colon closes that string; what follows it is code, not a quoted value."""
    quote = text[value_start - 1] if value_start > 0 else ""
    if quote not in ('"', "'", "`") or not text[value_start : value_start + 1].isspace():
        return False  # a value that opens with a space is what follows a closing quote
    line_start = text.rfind("\n", 0, key_start) + 1
    return text.count(quote, line_start, key_start) % 2 == 1 and quote not in text[key_end : value_start - 1]


def _ternary_branch(text: str, key_start: int, value_start: int) -> bool:
    """`kind === PASS ? "clinePass" : userType`: a quoted string after a conditional's `?` and the `:`
    that ends its branch, not an object's key and its value (an unquoted value after it: code)."""
    if key_start == 0 or text[key_start - 1] not in "\"'" or text[value_start - 1 : value_start] in "\"'`":
        return False
    before = line_head(text, key_start - 1).rstrip()
    return before.endswith("?") and not before.endswith(("??", "?."))


# Where an unquoted value stops short of what the regex took: a query string's next parameter
# (`token=abc123&ssl_check=1`), or the escaped line break of code held in a JSON or YAML string
# (a notebook's `"    key = OPENAI_API_KEY\\n",`).
_NEXT_PARAMETER = re.compile(r"&[A-Za-z_][\w.-]{0,40}=")
_TYPOGRAPHIC_QUOTES = ("\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e")


def _unquoted_end(text: str, start: int, end: int, *, in_query: bool = False) -> int:
    """The end of an unquoted generic value, without a following parameter or trailing escapes (and, for a
    URL's query parameter, without the fragment: `?token=abc#section`)."""
    value = text[start:end]
    if in_query and "#" in value:
        value = value[: value.index("#")]
    if not value.isascii():
        # A typographic quote closes the value (`“--api-key=STRIPE_SECRET_KEY”` in a README pasted from a
        # word processor): what follows it is not the secret.
        cut = min((i for i in (value.find(q) for q in _TYPOGRAPHIC_QUOTES) if i >= 0), default=-1)
        if cut > 0:  # a value that opens with one is judged as before, quotes and all
            value = value[:cut]
    parameter = _NEXT_PARAMETER.search(value)
    if parameter is not None:
        value = value[: parameter.start()]
    stop = len(value)
    while stop >= 2 and value[stop - 2] == "\\" and value[stop - 1] in "nrt":
        stop -= 2  # from the end, not a regex search: linear in the value's length
    return start + stop


def _extend_key_backwards(text: str, start: int, floor: int) -> int:
    """Where a key ending at `start`'s run of key characters begins: back over them, to `floor` and at most
    _MAX_KEY_BACKTRACK characters (one rstrip in C instead of a step per character)."""
    limit = max(floor, start - _MAX_KEY_BACKTRACK)
    return limit + len(text[limit:start].rstrip(_KEY_CHARS_TEXT))


def _key_verdict(verdicts: dict[str, bool], key: str) -> bool:
    """is_secret_key(key), remembered in `verdicts` (bounded: emptied when full)."""
    if len(verdicts) >= _KEY_VERDICTS_MAX:
        verdicts.clear()
    named = verdicts[key] = is_secret_key(key)
    return named


def _key_named(m: re.Match[str], text: str, floor: int, verdicts: dict[str, bool]) -> bool:
    """False when the judge would reject this generic match at its first step: its key group took part and
    the key (extended backwards over key characters down to `floor`, the region's start: as _judge reads it)
    names no secret (`token_limit = 4096`). Dropping such a match before the judge changes no verdict.
    The full-regex gate counts on this drop: it leaves a generic rule out of a buffer where no match's key
    can name a secret (regexgate._Key), so a generic match must never reach a candidate by another road."""
    key_end = m.end("key")
    if key_end < 0:
        return True
    key = text[_extend_key_backwards(text, m.start("key"), floor) : key_end]
    named = verdicts.get(key)
    if named is None:
        named = _key_verdict(verdicts, key)
    return named


class DetectorSet:
    """All detectors, with a shared keyword prefilter. Pickles without the compiled Vectorscan database."""

    def __init__(self, detectors: Iterable[Detector], *, prefilter: PrefilterChoice = "auto") -> None:
        self.detectors: tuple[Detector, ...] = tuple(detectors)
        self.prefilter_choice: PrefilterChoice = prefilter
        keywords: list[str] = []
        owners: dict[str, list[int]] = {}
        for index, det in enumerate(self.detectors):
            for kw in det.keywords:
                if kw not in owners:
                    owners[kw] = []
                    keywords.append(kw)
                owners[kw].append(index)
        self._keywords = tuple(keywords)
        anchor_owners: dict[str, list[int]] = {}
        for index, det in enumerate(self.detectors):
            if det.anchor is not None:
                anchor_owners.setdefault(det.anchor, []).append(index)
        self._anchors = tuple(anchor_owners)
        # Prefilter hit index -> detectors: the keywords', then the anchors' (numbered after the keywords).
        self._keyword_owners = tuple(tuple(owners[kw]) for kw in keywords) + tuple(
            tuple(found) for found in anchor_owners.values()
        )
        self._detector_keywords = tuple(
            tuple(dict.fromkeys(kw.encode("ascii") for kw in det.keywords)) for det in self.detectors
        )
        # Keyword index -> its detectors, each once (a detector may list a keyword twice).
        self._keyword_owners_once = tuple(tuple(dict.fromkeys(owners[kw])) for kw in keywords)
        # scan_values finds keywords once in its scalars joined by line breaks: right only while no keyword
        # holds one (a match could then span two scalars).
        self._one_line_keywords = not any("\n" in kw or "\r" in kw for kw in keywords)
        self._detector_anchors = tuple(
            re.compile(det.anchor.encode("ascii")) if det.anchor is not None else None
            for det in self.detectors
        )
        self._by_id = {d.id: d for d in self.detectors}
        self._engine: _Prefilter | None = None
        # The full-regex gate (see _Gate): off until a caller with enough work turns it on.
        self._gate_wanted = False
        self._gate_compile = True
        self._gate: Gate | None = None
        self._gate_partitions: tuple[Partition, ...] = ()
        self._prefixes: ProviderPrefixes | None = None  # built on the first generic match (prefixes.py)
        self._keys: ProviderKeys | None = None  # likewise
        self._anchored: dict[int, bool] = {}  # detector index -> anchors.keyword_anchored, on first use
        # Try a keyword-anchored regex only at its keyword hits (anchors.py); the same matches either way,
        # so this is off only where a test compares the two.
        self.anchor_matches = True
        # A generic detector's match whose key names no secret is dropped by the matcher, before the judge
        # (which would reject it at once): the same candidates either way, so this too is off only where a
        # test compares the two. The verdicts by key (is_secret_key) are remembered here.
        self.key_check = True
        self._key_verdicts: dict[str, bool] = {}
        self._key_groups: dict[int, bool] = {}  # detector index -> _generic_key, on first use

    # -- construction ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, directory: Path | None = None, *, prefilter: PrefilterChoice = "auto") -> DetectorSet:
        """Load every rules/detectors/*.yaml (default: the bundled ones). RuleLoadError names the bad file."""
        if directory is None:
            from auditor.paths import detectors_dir

            directory = detectors_dir()
        directory = Path(directory)
        if not directory.is_dir():
            raise RuleLoadError(f"{directory}: detector directory not found")
        # What `directory.glob("*.yaml")` sorted lists, as plain strings: ~650 Path objects, their
        # comparisons and conversions back to str for each stat were a visible share of start-up.
        try:
            names = sorted(entry.name for entry in os.scandir(directory) if entry.name.endswith(".yaml"))
        except OSError as exc:
            raise RuleLoadError(f"{directory}: cannot list: {exc.strerror or exc}") from None
        if not names:
            raise RuleLoadError(f"{directory}: no detector definitions (*.yaml)")
        from auditor import cache

        folder = os.fspath(directory)
        name = (
            _cache_name([os.path.join(folder, n) for n in names]) if cache.cache_dir() is not None else None
        )
        cached = cache.read(name) if name else None
        detectors = _from_cache(cached) if cached is not None else None
        if detectors is not None and len(detectors) == len(names):
            return cls(detectors, prefilter=prefilter)
        paths = [directory / n for n in names]
        files: list[tuple[Path, bytes]] = []
        for path in paths:
            try:
                files.append((path, path.read_bytes()))
            except OSError as exc:
                raise _fail(str(path), f"cannot read: {exc}") from None
        detectors = [load_detector_file(path, raw) for path, raw in files]
        ids = {d.id for d in detectors}
        for det in detectors:
            unknown = [p for p in det.partner if p not in ids]
            if unknown:
                raise _fail(det.source, f"unknown partner detector(s): {', '.join(unknown)}")
        if name:
            cache.write(name, _to_cache(detectors), replaces=_CACHE_PREFIX)
        return cls(detectors, prefilter=prefilter)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_engine"] = None  # the Vectorscan database does not pickle; rebuilt on first use
        state["_gate"] = None  # likewise (a spawned worker reads it from the cache the parent wrote)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _provider_prefixes(self) -> ProviderPrefixes:
        if self._prefixes is None:
            from auditor.extract.prefixes import ProviderPrefixes

            self._prefixes = ProviderPrefixes(self.detectors)
        return self._prefixes

    def _provider_keys(self) -> ProviderKeys:
        if self._keys is None:
            from auditor.extract.prefixes import ProviderKeys

            self._keys = ProviderKeys(self.detectors)
        return self._keys

    def get(self, detector_id: str) -> Detector:
        return self._by_id[detector_id]

    @property
    def prefilter_name(self) -> str:
        return self._prefilter().name

    def prepare(self) -> None:
        """Build what the first file would otherwise build (the keyword prefilter's database, the gate
        when it is wanted), so that one-time cost never counts against that file's time budget: on a
        loaded machine it could push an ordinary first file past the budget and out of the scan."""
        self._prefilter()
        self._active_gate()

    def _prefilter(self) -> _Prefilter:
        if self._engine is None:
            choice = self.prefilter_choice
            # Each keyword's smallest region half-width among its detectors: what a collapsed chain of it
            # may skip between listed hits (chains.py).
            widths = [min(self.detectors[d].max_width for d in dets) for dets in self._keyword_owners_once]
            if choice == "hyperscan" or (choice == "auto" and hyperscan_available()):
                self._engine = _HyperscanPrefilter(self._keywords, self._anchors, widths)
            else:
                self._engine = _Prefilter(self._keywords, self._anchors, widths)
        return self._engine

    def use_gate(
        self,
        enabled: bool = True,
        *,
        compile_if_missing: bool = True,
        partitions: Sequence[Partition] = (),
    ) -> bool:
        """Turn the full-regex gate on (or off); True when it is in use.

        Results are the same either way; the gate saves Python work per file. Its database takes a second
        or two of CPU to compile, once per detector set (then it comes from the cache): with
        `compile_if_missing` False the gate is used only when the cache already holds it, the right choice
        for a scan too small to repay a compile. Built here, so forked workers inherit it.

        `partitions` (marker sets: regexgate.Partition) are answered by the same pass (`probe`): one scan of
        a file's bytes instead of one per question. The keyword question is not among them (see KEYWORDS).
        """
        self._gate_wanted = enabled
        self._gate_compile = compile_if_missing
        wanted = tuple(partitions)
        if wanted != self._gate_partitions:
            self._gate_partitions = wanted
            self._gate = None
        return enabled and self._active_gate() is not None

    def _active_gate(self) -> Gate | None:
        if not self._gate_wanted or self.prefilter_choice == "python":
            return None
        if self._gate is None:
            if not hyperscan_available():
                self._gate_wanted = False
                return None
            from auditor.extract.regexgate import Gate

            self._gate = Gate.load(
                self.detectors,
                compile_if_missing=self._gate_compile,
                partitions=self._gate_partitions,
            )
            if self._gate is None:
                self._gate_wanted = False
        return self._gate

    # -- public scanning ------------------------------------------------------------------------------

    def probe(self, data: bytes, *, text_only: bool = False) -> Probe | None:
        """The gate and every partition given to `use_gate`, in one pass over `data` (not the keyword
        question: `candidates`); None when the gate is not in use (ask `may_match`, `candidates` and the
        marker sets one by one). `text_only`: the answer is for `scan_text` over `data` decoded, never for
        its scalars judged as a document's (Gate.probe): true of every format filescan does not parse."""
        gate = self._active_gate()
        if gate is None or not data:
            return None
        allowed, found = gate.probe(data, text_only=text_only)
        return Probe(allowed, found, gate.partitions)

    def keyword_reachable(self, data: bytes, allowed: Collection[int]) -> bool:
        """Whether a detector of `allowed` can get a region in `data` (as bytes of a judged buffer): it has an
        anchor (a regex, not asked here), or one of its keywords occurs. scan_text looks for matches only in
        regions around such hits (_keyword_positions), so False means it yields no hit of theirs. Used where
        the gate reports a detector whose regex does not spell its own keyword (docker-config-auth matches
        a YAML `auth:` block, while its keyword is the JSON key `"auth"`)."""
        anchors = self._detector_anchors
        if any(anchors[index] is not None for index in allowed):
            return True
        engine = self._prefilter()
        if isinstance(engine, _HyperscanPrefilter):
            return bool(engine.keyword_hits(data, self._keyword_owners_once, allowed))
        lowered = data.lower()
        return any(kw in lowered for index in allowed for kw in self._detector_keywords[index])

    def may_match(self, data: bytes) -> bool | None:
        """False when no detector can yield a hit anywhere in the buffer (the gate proves it); True when some
        may; None when the gate cannot tell (off, or text it does not judge: not UTF-8, control bytes)."""
        gate = self._active_gate()
        if gate is None or not data:
            return None if gate is None else False
        found = gate.candidates(data)
        return None if found is None else bool(found)

    def candidates(self, data: bytes) -> bool:
        """Whether any detector keyword occurs in the buffer (case-insensitive): could anything match?"""
        return bool(data) and self._prefilter().any(data)

    def scan_text(self, text: str, *, allowed: set[int] | None = None) -> list[Hit]:
        """Every detector on free text (a file, a line, source code); non-overlapping hits sorted by start.

        `allowed`: what the gate said of exactly these characters as bytes (a Probe of the UTF-8 buffer
        `text` was decoded from), so the gate need not run again."""
        return self._scan(text, 0, None, allowed)

    def scan_values(self, items: Sequence[tuple[str | None, str]]) -> list[list[Hit]]:
        """scan_value over every (key, value) of a document, in order, with one gate pass for them all.

        A detector the gate does not report anywhere in the scalars' texts joined cannot yield a hit in any
        one of them (its widening has no anchors or lookarounds, so a match in one text is a match in the
        joined buffer; a generic rule's narrowed key group holds for any text before the key): every scalar
        is then scanned with that verdict instead of a gate pass of its own, and the verdict's keywords are
        found in one Vectorscan pass over the joined texts too (_shared_hits): a scalar none of them occurs
        in is answered without a pass, a region or a match of its own.
        Where the joined texts leave many detectors open, or hold a blind byte, the run is split
        (_values_part); a short run's scalars each still ask the gate themselves, which is then cheaper than
        looking for all their keywords."""
        gate = self._active_gate()
        if gate is None or len(items) <= 1:
            return [self.scan_value(key, value) for key, value in items]
        engine = self._prefilter()
        shared = engine if isinstance(engine, _HyperscanPrefilter) and self._one_line_keywords else None
        return self._values_part(items, gate, shared)

    def _values_part(
        self,
        items: Sequence[tuple[str | None, str]],
        gate: Gate,
        engine: _HyperscanPrefilter | None,
    ) -> list[list[Hit]]:
        """scan_values over a run of consecutive scalars: one gate verdict for the run when it holds (at most
        _SHARED_VERDICT_MAX detectors open, no blind byte). Else, where blind characters are the cause, each
        scalar holding one asks the gate alone and the runs between them are taken on their own; otherwise
        each half on its own, down to _SHARED_SPLIT_MIN scalars, where each scalar asks the gate itself.
        A run's verdict holds for each of its scalars for the reason the whole document's does (a match in one
        text is a match in the joined buffer), so splitting changes no hit: it keeps a large document's
        scalars on the shared path when some of them hold a blind byte (a tokenizer's vocabulary spells bytes
        as `ı` and `ſ`) or when its keys name many detectors between them, where the whole document's
        verdict would send every scalar to a gate pass of its own (~20 us each: the 50,000 scalars of one
        vocabulary file cost a second)."""
        texts = [(f"{key}: " if key else "") + value for key, value in items if value]
        joined = "\n".join(texts)
        allowed = gate.candidates(_utf8(joined))
        if allowed is not None and len(allowed) <= _SHARED_VERDICT_MAX:
            if engine is not None:
                return self._shared_hits(items, texts, joined, allowed, engine)
            return [self.scan_value(key, value, allowed=allowed) for key, value in items]
        if len(items) < 2 * _SHARED_SPLIT_MIN:
            return [self.scan_value(key, value) for key, value in items]
        if allowed is None:
            blind = _blind_items(items, texts, joined)
            if blind:
                out: list[list[Hit]] = []
                start = 0
                for index in [*blind, len(items)]:
                    if index > start:
                        out += self._values_part(items[start:index], gate, engine)
                    if index < len(items):
                        key, value = items[index]
                        out.append(self.scan_value(key, value))
                    start = index + 1
                return out
        half = len(items) // 2
        return self._values_part(items[:half], gate, engine) + self._values_part(items[half:], gate, engine)

    def _shared_hits(
        self,
        items: Sequence[tuple[str | None, str]],
        texts: list[str],
        joined: str,
        allowed: set[int],
        engine: _HyperscanPrefilter,
    ) -> list[list[Hit]]:
        """scan_values' answer when one gate verdict holds for every scalar: the allowed detectors' keyword
        hits from one pass over the joined texts, each given to the scalar it lies in (no keyword holds a
        line break, so none spans two texts joined by one), in the order and with the anchors the
        per-scalar pass (_regions) gives; the rest of each scalar's scan is scan_value's."""
        out: list[list[Hit]] = [[] for _ in items]
        if not allowed:
            return out  # scan_value with an empty verdict finds nothing
        # One byte per character, as _regions encodes each text: offsets in the joined buffer are offsets
        # in the joined text.
        found = engine.keyword_hits(joined.encode("ascii", "replace"), self._keyword_owners_once, allowed)
        anchors = self._detector_anchors
        anchored = any(anchors[det_index] is not None for det_index in allowed)
        starts = _joined_starts(texts)
        # Text index -> detector -> its hits, offsets into that text.
        local: dict[int, dict[int, list[int]]] = {}
        where = bisect.bisect_right
        for det_index, hits in found.items():
            # A detector whose hits a collapsed chain shortened keeps to the region search in every scalar.
            kind = Collapsed if type(hits) is Collapsed else list
            for hit in hits:
                index = where(starts, hit) - 1
                by_det = local.get(index)
                if by_det is None:
                    by_det = local[index] = {}
                at = by_det.get(det_index)
                if at is None:
                    by_det[det_index] = kind([hit - starts[index]])
                else:
                    at.append(hit - starts[index])
        index = -1
        for slot, (key, value) in enumerate(items):
            if not value:
                continue
            index += 1
            by_det = local.get(index)
            if by_det is None and not anchored:
                continue  # no keyword of an allowed detector here: _regions would give nothing
            text = texts[index]
            buf = text.encode("ascii", "replace") if anchored else None
            positions: dict[int, list[int]] = {}
            for det_index in allowed:  # the set's own order, as _regions builds it
                hits = by_det.get(det_index, []) if by_det is not None else []
                anchor = anchors[det_index]
                if anchor is not None:
                    hits += [m.end() for m in anchor.finditer(cast("bytes", buf))]
                if hits:
                    positions[det_index] = hits
            if positions:
                out[slot] = self._value_hits(text, len(text) - len(value), key, allowed, positions)
        return out

    def scan_value(self, key: str | None, value: str, *, allowed: set[int] | None = None) -> list[Hit]:
        """One structured scalar with its key name. Offsets are into `value`.

        The key gives the context that context-bound formats (an AWS secret key, a Twilio auth token) and
        the generic password/secret/token rules need; generic rules judge the whole value under the key.
        `allowed`: detectors the gate let through for text containing this scalar's (scan_values).
        """
        if not value:
            return []
        prefix = f"{key}: " if key else ""
        return self._value_hits(prefix + value, len(prefix), key, allowed, None)

    def _value_hits(
        self,
        text: str,
        shift: int,
        key: str | None,
        allowed: set[int] | None,
        positions: dict[int, list[int]] | None,
    ) -> list[Hit]:
        """scan_value's hits in `text` (the key's prefix, `shift` characters, then the value), offsets into
        the value; `positions`: the keyword hits _regions would find, when already found (_shared_hits)."""
        hits = self._scan(text, shift, key, allowed, positions)
        if not shift:
            return hits
        return [
            Hit(h.detector, h.value, h.start - shift, h.end - shift, h.confidence, h.key, h.reason)
            for h in hits
            if h.start >= shift
        ]

    # -- internals ------------------------------------------------------------------------------------

    def _regions(
        self,
        text: str,
        allowed: set[int] | None = None,
        positions: dict[int, list[int]] | None = None,
    ) -> tuple[dict[int, list[tuple[int, int]]], dict[int, list[int]]]:
        """Detector index -> merged (start, end) line regions around its keyword hits; and detector index ->
        those hits (every occurrence of its keywords in `text`, sorted). `positions`: those hits, unsorted,
        when the caller found them already (scan_values); a detector without hits is not in it."""
        buf = text.encode("ascii", "replace")  # one byte per character, so offsets carry over to `text`
        if positions is None:
            positions = self._keyword_positions(text, buf, allowed)
        if not positions:
            return {}, {}
        size = len(buf)
        find_newline, rfind_newline = buf.find, buf.rfind
        regions: dict[int, list[tuple[int, int]]] = {}
        # The loop below runs once per keyword hit (hundreds of thousands on a large tree): plain comparisons
        # instead of min/max calls and tuples.
        for det_index, hits in positions.items():
            det = self.detectors[det_index]
            window, width = det.window, det.max_width
            reach = width + _LOOKAHEAD_SLACK
            hits.sort()
            merged: list[tuple[int, int]] = []
            cur_start, cur_end = -1, -1
            line_start, line_end = -1, -1
            for pos in hits:
                if pos > line_end:  # hits are sorted: a line is looked up once per detector
                    line_end = find_newline(b"\n", pos)
                    if line_end < 0:
                        line_end = size
                    line_start = rfind_newline(b"\n", 0, pos) + 1
                # A match contains the keyword, so it lies within its maximum width either side of the hit:
                # the region never grows with the length of the line (a 5 MB minified file is one line).
                start = pos - width
                if start < line_start:
                    start = line_start
                end = line_end + window
                if pos + reach < end:
                    end = pos + reach
                if size < end:
                    end = size
                if cur_end >= 0 and start <= cur_end + 1:
                    if end > cur_end:
                        cur_end = end
                else:
                    if cur_end >= 0:
                        merged.append((cur_start, cur_end))
                    cur_start, cur_end = start, end
            if cur_end >= 0:
                merged.append((cur_start, cur_end))
            regions[det_index] = merged
        return regions, positions

    def _keyword_positions(self, text: str, buf: bytes, allowed: set[int] | None) -> dict[int, list[int]]:
        """Detector index -> the start of every occurrence of one of its keywords in `buf` (`text` encoded one
        byte per character), and the end of each match of its anchor: for the detectors `allowed`, or the
        gate's verdict on `text` when None (every detector without a gate)."""
        if allowed is None:
            gate = self._active_gate()
            if gate is not None:
                allowed = gate.candidates(buf if text.isascii() else _utf8(text))
        positions: dict[int, list[int]] = {}
        if allowed is not None:
            # Only detectors the gate let through, and their keywords found here: no Python for the rest.
            if not allowed:
                return positions
            engine = self._prefilter()
            # The keyword prefilter's Vectorscan pass finds every keyword at once; a find per keyword of
            # every allowed detector searched the whole text again each time (~10 per scalar of a document).
            found = (
                engine.keyword_hits(buf, self._keyword_owners_once, allowed)
                if isinstance(engine, _HyperscanPrefilter)
                else None
            )
            lowered = buf.lower() if found is None else None
            for det_index in allowed:
                if lowered is None:
                    hits = found.get(det_index, []) if found is not None else []
                else:
                    hits = []
                    collapsed = False
                    for kw in self._detector_keywords[det_index]:
                        part, short = engine.find_all(lowered, kw)
                        hits += part
                        collapsed = collapsed or short
                    if collapsed:
                        hits = Collapsed(hits)
                anchor = self._detector_anchors[det_index]
                if anchor is not None:
                    hits += [m.end() for m in anchor.finditer(buf)]
                if hits:
                    positions[det_index] = hits
        else:
            raw, collapsed_keywords = self._prefilter().hits(buf)
            owners = self._keyword_owners
            for kw_index, pos in raw:
                for det_index in owners[kw_index]:
                    positions.setdefault(det_index, []).append(pos)
            for kw_index in collapsed_keywords:
                for det_index in owners[kw_index]:
                    positions[det_index] = Collapsed(positions[det_index])
        return positions

    def _scan(
        self,
        text: str,
        value_start: int,
        value_key: str | None,
        allowed: set[int] | None = None,
        positions: dict[int, list[int]] | None = None,
    ) -> list[Hit]:
        if not text:
            return []
        candidates: list[_Candidate] = []
        seen: set[tuple[str, int, int]] = set()
        judge = self._judge
        regions, positions = self._regions(text, allowed, positions)
        ascii_text = self.anchor_matches and bool(regions) and text.isascii()
        verdicts = self._key_verdicts if self.key_check else None
        for det_index, spans in regions.items():
            det = self.detectors[det_index]
            keyed = verdicts if verdicts is not None and self._generic_key(det_index) else None
            hits = positions[det_index]
            # Collapsed hits are not every occurrence of a keyword (chains.py): the region search then.
            if ascii_text and type(hits) is not Collapsed and self._keyword_anchored(det_index):
                matches = self._anchored_matches(det, text, spans, hits, keyed)
            else:
                matches = self._region_matches(det, text, spans, keyed)
            for region_start, m in matches:
                cand = judge(det, m, text, region_start, value_start, value_key)
                if cand is None:
                    continue
                ident = (det.id, cand.start, cand.end)
                if ident not in seen:
                    seen.add(ident)
                    candidates.append(cand)
        return self._resolve(candidates)

    @staticmethod
    def _region_matches(
        det: Detector, text: str, spans: list[tuple[int, int]], verdicts: dict[str, bool] | None = None
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """(region start, match) for every match of the detector's regex in each region; with `verdicts`
        (a generic detector with a key group), none whose key names no secret (_key_named)."""
        check = budget.check
        finditer = _compiled(det.regex).finditer  # the pattern's own method: no wrapper call per region
        for region_start, region_end in spans:
            check()
            for m in finditer(text, region_start, region_end):
                if verdicts is None or _key_named(m, text, region_start, verdicts):
                    yield region_start, m

    @staticmethod
    def _anchored_matches(
        det: Detector,
        text: str,
        spans: list[tuple[int, int]],
        hits: list[int],
        verdicts: dict[str, bool] | None = None,
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """What _region_matches yields, for a regex whose every match starts at a keyword hit (anchors.py,
        ASCII text only): `match` at each hit in the region, in order, skipping hits inside the previous
        match. finditer's search takes the leftmost position where a match starts, always a hit, so both
        find the same matches; this tries a handful of positions instead of every one in the region.
        A match whose key names no secret still ends the hits it covers, but is not yielded (`verdicts`)."""
        check = budget.check
        match = _compiled(det.regex).match  # the pattern's own method: no wrapper call per keyword hit
        chars = _KEY_CHARS_TEXT
        index, count = 0, len(hits)
        for region_start, region_end in spans:
            check()
            while index < count and hits[index] < region_start:
                index += 1
            after = region_start
            while index < count and hits[index] < region_end:
                pos = hits[index]
                index += 1
                if pos < after:
                    continue
                m = match(text, pos, region_end)
                if m is None:
                    continue
                after = m.end()
                if verdicts is not None:
                    # _key_named, inline: it runs at most matches of the generic rules.
                    key_end = m.end("key")
                    if key_end >= 0:
                        key_start = m.start("key")
                        floor = key_start - _MAX_KEY_BACKTRACK
                        if floor < region_start:
                            floor = region_start
                        key = text[floor + len(text[floor:key_start].rstrip(chars)) : key_end]
                        named = verdicts.get(key)
                        if named is None:
                            named = _key_verdict(verdicts, key)
                        if not named:
                            continue
                yield region_start, m

    def _generic_key(self, det_index: int) -> bool:
        """Whether the detector is generic with a key group (so the judge rejects a match by its key first),
        worked out on first use (its regex compiles then, not at start-up)."""
        keyed = self._key_groups.get(det_index)
        if keyed is None:
            det = self.detectors[det_index]
            keyed = self._key_groups[det_index] = det.generic and "key" in det.regex.groupindex
        return keyed

    def _keyword_anchored(self, det_index: int) -> bool:
        """anchors.keyword_anchored for this detector, worked out on its first use."""
        anchored = self._anchored.get(det_index)
        if anchored is None:
            from auditor.extract.anchors import keyword_anchored_memo

            det = self.detectors[det_index]
            # A detector with an anchor (a regex, not a keyword) also has hits at anchor match ends: keep
            # such a detector on the region scan, where the proof's premise (every hit a keyword) is moot.
            anchored = self._anchored[det_index] = det.anchor is None and keyword_anchored_memo(
                det.regex.pattern, det.keywords
            )
        return anchored

    def _judge(
        self,
        det: Detector,
        m: re.Match[str],
        text: str,
        floor: int,
        value_start: int,
        value_key: str | None,
    ) -> _Candidate | None:
        groups = m.re.groupindex
        key: str | None = None
        match_start = m.start()
        key_end = -1  # where a key the regex matched ends
        key_start = -1
        if "key" in groups:
            key_end = m.end("key")  # -1 when the group did not take part
            if key_end >= 0:
                key_start = _extend_key_backwards(text, m.start("key"), floor)
                key = text[key_start:key_end]
                match_start = key_start
                if det.generic and not is_secret_key(key):
                    # The same verdict as the key check further down (a regex key is never replaced),
                    # reached before any other work: most matches of the generic rules end here
                    # (`token_limit = 4096`).
                    return None
        if "secret" in groups and m.group("secret") is not None:
            start, end = m.span("secret")
        else:
            start, end = m.span()
        if (
            key is not None
            and det.generic
            and (_loose_pair(text, key_start, key_end, start) or text.startswith("::", key_end))
        ):
            # A comma pair whose key is a word inside a text is no key at all (_loose_pair), and a name
            # followed by `::` is a C++/Rust scope (`Token::QuotedString`), not a key and a colon.
            return None
        if det.generic and value_start and start == value_start:
            # A structured scalar: the generic rule judges the whole value, not the regex's first word.
            stripped = text[value_start:].strip()
            if stripped and "\n" not in stripped:
                start = text.index(stripped, value_start)
                end = start + len(stripped)
                if value_key:
                    key = key or value_key
        if det.generic and start > 0 and text[start - 1] not in "\"'`" and (start != value_start):
            end = _unquoted_end(text, start, end, in_query=match_start > 0 and text[match_start - 1] in "?&")
        value = text[start:end]
        if not value:
            return None
        if "user" in groups and login_as_password(m.group("user") or "", value):
            # The login's name as its password (`postgres://postgres:postgres@db`, `dbuser:dbuserpass`): a
            # default or a stand-in, known to anyone who reads the user.
            return None
        if det.entropy is not None and shannon_entropy(value) < det.entropy:
            return None
        if det.generic and value_start and start > value_start:
            # A match inside a structured value (`${DB_PASSWORD:?unset}`, `postgres://u:${PW}@db`): when the
            # value as a whole is a reference or placeholder, nothing in it is a secret.
            whole = text[value_start:].strip()
            if classify_value(whole, value_key) in (ValueClass.PLACEHOLDER, ValueClass.REFERENCE):
                return None
        if det.generic:
            if _share_link_key(text, match_start):
                return None
            if key_end >= 0 and text[key_end:start] == ":" and value.isalpha() and value.islower():
                # `users.password:update`, `secrets:read`: a scope and its action (no space after the colon,
                # a lowercase word), not a key and its value.
                return None
            if key_end >= 0 and (
                _prose_label(text, match_start, key_end, value, start)
                or _closes_a_string(text, match_start, key_end, start)
                or _image_url_before(text, match_start)
                or _documented_example(text, match_start)
                or _annotated_parameter(text, match_start, key_end, value, start)
                or _call_argument(text, match_start, key_end, value, start)
                or _ternary_branch(text, match_start, start)
            ):
                return None
            judge_key = key if key is not None else det.assume_key
            if "key" not in groups and det.assume_key is not None:
                # The regex itself proved the key (`acme_key: <token>` matched in full): judge under the
                # detector's own key, keeping the structured key only to report where the value sits.
                judge_key = det.assume_key
            elif key is not None and not is_secret_key(key):
                return None
            verdict = classify_value(value, judge_key)
            if verdict is ValueClass.IDENTIFIER:
                if unread_npm_setting(text, start):
                    # A time-based UUID is no npm token, and npm does not read the key it sits under.
                    return None
                return _Candidate(
                    det, value, start, end, m.end() - match_start, key, Confidence.LOW, _STRUCTURED_UUID
                )
            if verdict not in (ValueClass.SECRET_CANDIDATE, ValueClass.EXAMPLE):
                return None
            if (
                judge_key is not None
                and is_password_key(judge_key)
                and anonymous_account(text[max(0, match_start - 400) : match_start])
            ):
                # `user = "anonymous"` just above: an anonymous-FTP login, whose password is no secret.
                return None
            prefixed = self._provider_prefixes().judge(value)
            if prefixed is not None:
                # The value names its provider (`ghp_`, `glpat-`) and fails that provider's own format or
                # checksum: a key-name rule must not call it a confident secret. Shorter than any token the
                # provider issues: a truncated copy or a sample, nothing to report. Otherwise (a wrong
                # alphabet, a longer value: perhaps a format newer than the detector) low confidence, which
                # the default gate does not fail on.
                if prefixed.truncated:
                    return None
                return _Candidate(
                    det, value, start, end, m.end() - match_start, key, Confidence.LOW, prefixed.reason
                )
            # Likewise when the key names a provider whose detector defines the format under that key
            # (`AMPLITUDE_SECRET_KEY` holds 32 hex characters) and rejects this value (prefixes.py).
            provider_keys = self._provider_keys()
            value_key = key or _leading_key(text, match_start, start)
            keyed = provider_keys.judge(value_key, value) or provider_keys.altered_prefix(value_key, value)
            if keyed is not None:
                if keyed.truncated or keyed.altered:
                    return None
                return _Candidate(
                    det, value, start, end, m.end() - match_start, key, Confidence.LOW, keyed.reason
                )
        else:
            if _inside_base64(text, start, end):
                return None
            verdict = classify_value(value)
            if verdict in _NOT_A_VALUE:
                return None

            if start > m.start() and not names_its_provider(det, text[m.start() : start]):
                # A key-bound format whose provider keyword sits inside another word of the key
                # (`rookTable` holds `okta`, `sumOfExposures` holds `sumo`): not that provider's key.
                return None
            if start > m.start() and spells_its_provider(det, value):
                # `TiSocialLinkedinCircular, TiSocialLinkedin` in a bundle's export list: a name that spells
                # the provider's own name as a word, not a key the provider issued (random, with digits).
                return None
        confidence, reason = _confidence_of(det, value)
        if det.checksum_required and confidence is Confidence.LOW:
            return None
        if det.checksum is not None and is_cut(det.checksum, value):
            # Every part present reads as the format's and the value stops before the format's end (a PyPI
            # macaroon without its signature): a cut copy, shorter than any token the provider issues.
            return None
        if is_structured_uuid(value):
            if unread_npm_setting(text, start):
                # No token format npm issues (a time-based UUID) under a setting npm does not read
                # (`//registry.npmjs.org:_authToken`, a bare `_authToken`): nothing credential-like is left.
                return None
            confidence, reason = Confidence.LOW, _STRUCTURED_UUID
        return _Candidate(det, value, start, end, m.end() - match_start, key, confidence, reason)

    def _resolve(self, candidates: list[_Candidate]) -> list[Hit]:
        if not candidates:
            return []
        candidates.sort(key=_rank)
        starts: list[int] = []
        kept: list[_Candidate] = []  # parallel to `starts`, ordered by start
        for cand in candidates:
            i = bisect.bisect_left(starts, cand.start)
            if i > 0 and kept[i - 1].end > cand.start:
                continue
            if i < len(kept) and kept[i].start < cand.end:
                continue
            starts.insert(i, cand.start)
            kept.insert(i, cand)
        hits: list[Hit] = []
        for cand in kept:
            confidence = cand.confidence or cand.detector.confidence
            reason = cand.reason
            if cand.detector.partner and self._partner_near(cand, kept, starts):
                confidence = _CONFIDENCE_UP[confidence]
                reason += "; its partner credential is nearby"
            hits.append(Hit(cand.detector, cand.value, cand.start, cand.end, confidence, cand.key, reason))
        return hits

    @staticmethod
    def _partner_near(cand: _Candidate, kept: list[_Candidate], starts: list[int]) -> bool:
        lo = bisect.bisect_left(starts, cand.start - PARTNER_DISTANCE)
        hi = bisect.bisect_right(starts, cand.end + PARTNER_DISTANCE)
        partners = cand.detector.partner
        return any(kept[i].detector.id in partners for i in range(lo, hi) if kept[i] is not cand)
