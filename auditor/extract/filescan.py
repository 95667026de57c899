"""Scan one file: read once, guard binary and encoding, prefilter, then the extractor for its format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import TYPE_CHECKING, cast, overload

from auditor.discovery.archives import MemberEntry, MemberError, read_member
from auditor.discovery.safeopen import ChangedFileError, read_regular
from auditor.discovery.walk import FileEntry, ShippedEntry
from auditor.extract import iac_marks, k8s, manifests, markers, structured, text
from auditor.extract.budget import WALL_FACTOR, FileBudgetExceeded, file_budget, watching
from auditor.extract.evidence import PEER_ALLOW_LITERALS, Evidence, allow_lines, peer_allow_lines
from auditor.extract.formats import FileKind, classify
from auditor.extract.iac_marks import ARM_SCHEMA, iac_kind
from auditor.extract.jsondoc import load_json
from auditor.extract.jsonvalid import loads_ok
from auditor.extract.lineformats import load_env, load_hcl, load_ini, load_properties, load_rc, load_toml
from auditor.extract.markers import MarkerSet
from auditor.extract.media import media_kind
from auditor.extract.tree import Doc, DocumentError
from auditor.extract.yamldoc import load_yaml
from auditor.model import FileScan, SecretContext, Skipped

if TYPE_CHECKING:
    from auditor.extract.detectors import DetectorSet, Hit, Probe
    from auditor.extract.regexgate import Partition

BINARY_SNIFF = 8192
_GROWTH_ALLOWANCE = 1024 * 1024
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


_STRUCTURED = frozenset({"yaml", "json", "env", "toml", "ini", "pypirc", "properties", "hcl", "rc", "bicep"})
# Formats always parsed, whatever their keywords: an agent's manifest by name, and Azure templates, whose
# structure (a bot's app type, a managed identity, a role) says how the deployed app signs in.
_ALWAYS_PARSED = ("rc", "pem", "bicep")
# What every deployment parameters file's `$schema` ends with (deploymentParameters.json,
# subscriptionDeploymentParameters.json): always parsed, its values are its template's parameters'.
PARAMETERS_SCHEMA = b"eploymentParameters.json"


# Byte-order marks, longest first: UTF-32-LE's mark begins with UTF-16-LE's (FF FE), so testing UTF-16 first
# decoded every UTF-32 file as UTF-16 garbage and missed what it held.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the mark's length; None without a UTF-16/32 mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _transcode(data: bytes) -> tuple[bytes, str | None]:
    """UTF-16/32 text (with a BOM) as UTF-8, so keywords and offsets work; a note when bytes were replaced."""
    found = _bom_encoding(data)
    if found is None:
        return data, None
    encoding, skip = found
    body = data[skip:]
    try:
        return body.decode(encoding).encode("utf-8"), None
    except UnicodeDecodeError as exc:
        note = (
            f"not valid {encoding.upper()} (first bad byte at offset {exc.start + skip}); bad bytes replaced"
        )
        return body.decode(encoding, errors="replace").encode("utf-8"), note


def _looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if _bom_encoding(head) is not None:
        return False  # UTF-16/32 with a byte-order mark: text, transcoded below
    if b"\x00" in head:
        return True
    if not head:
        return False
    # Undecodable bytes alone do not make a binary (latin-1 text); a high share of control characters does.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.10


def _decode(data: bytes) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, a note saying how it was decoded."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return data.decode(
            "latin-1"
        ), f"not valid UTF-8 (first bad byte at offset {exc.start}); decoded as latin-1"


ALLOW_MARKER = "allow-marker"


def probe_partitions() -> tuple[Partition, ...]:
    """The whole-buffer marker questions a file's scan asks, for the gate's combined pass (one Vectorscan
    scan per file answers them with the detector keywords and the gate: DetectorSet.probe)."""
    sets = (markers.manifest_markers(), markers.evidence_markers(), iac_marks.markers())
    parts = [part for part in (m.partition() for m in sets) if part is not None]
    try:
        import hyperscan
    except ImportError:
        return tuple(parts)
    # `botaudit:allow` and other scanners' allow comments, case-sensitive as allow_lines and peer_allow_lines
    # look for them: most files have none.
    literals = [b"botaudit:allow", *PEER_ALLOW_LITERALS]
    parts.append((ALLOW_MARKER, literals, [hyperscan.HS_FLAG_SINGLEMATCH] * len(literals)))
    return tuple(parts)


def _occurs(marker_set: MarkerSet, data: bytes, probe: Probe | None) -> bool:
    """marker_set.any(data), from the combined pass when it answered it."""
    answer = probe.answer(marker_set.name) if probe is not None else None
    return marker_set.any(data) if answer is None else answer


def _is_manifest_candidate(data: bytes, kind: FileKind, probe: Probe | None = None) -> bool:
    if kind.known is not None or kind.context is SecretContext.WORKFLOW or kind.format in _ALWAYS_PARSED:
        return True
    if kind.format == "json" and (ARM_SCHEMA in data[:4096] or PARAMETERS_SCHEMA in data[:4096]):
        return True  # an ARM template, or a deployment parameters file (the values its template is given)
    return _occurs(markers.manifest_markers(), data, probe)


def _load_docs(fmt: str, body: str, kind: FileKind, name: str) -> tuple[list[Doc], DocumentError | None]:
    """Structured documents of a file; the error (if any) comes with whatever loaded before it."""
    if fmt == "yaml":
        return load_yaml(body)
    try:
        if fmt == "json":
            return [load_json(body, allow_comments=kind.jsonc or kind.known is not None)], None
        if fmt == "env":
            return [load_env(body)], None
        if fmt == "toml":
            return [load_toml(body)], None
        if fmt in ("ini", "pypirc"):
            return [load_ini(body)], None
        if fmt == "properties":
            return [load_properties(body)], None
        if fmt == "hcl":
            return [load_hcl(body)], None
        if fmt == "rc":
            return [load_rc(body, name)], None
    except DocumentError as exc:
        return [], exc
    except RecursionError:
        return [], DocumentError("too deeply nested", "too_deep")
    return [], None


def _scan_structured(ev: Evidence, fmt: str) -> None:
    name = ev.rel.rsplit("/", 1)[-1]
    template = None
    if fmt == "bicep":
        from auditor.extract import azure_iac

        bicep_doc, template, message = azure_iac.load(ev.text, ev.rel)
        docs = [bicep_doc] if bicep_doc is not None else []
        error = DocumentError(f"Bicep {message}") if message else None
    else:
        docs, error = _load_docs(fmt, ev.text, ev.kind, name)
    for doc in docs:
        if doc.data is None:
            continue
        skip = k8s.secret_skip_paths(doc) + manifests.teams_skip_paths(doc, ev)
        if k8s.is_k8s(doc):
            k8s.scan_secret_data(doc, ev)
            if not ev.secrets_only:
                k8s.scan_references(doc, ev)
        structured.scan_doc(doc, ev, env_root=fmt == "env", skip=skip)
        if not ev.secrets_only:  # hints and references only, never a secret
            manifests.all_hints(doc, ev)
            if fmt == "json" and isinstance(doc.data, dict) and "$schema" in doc.data:
                from auditor.extract import azure_iac

                template = azure_iac.arm_template(doc, ev.rel)
                if template is None and azure_iac.is_parameter_file(doc.data):
                    azure_iac.parameter_file(doc, ev)
    if template is not None and not ev.secrets_only:
        from auditor.extract import azure_iac

        azure_iac.hints(template, ev)
        if ev.rel.lower().endswith(".bicepparam"):
            azure_iac.bicepparam(template, ev.text, ev)
    if error is not None:
        ev.skip(f"{fmt.upper()} parse error: {error}; scanned line by line instead", error.category)
        # Nothing is missed when the structure cannot be read: the line scan covers the whole text.
        text.scan_lines(ev, only_new=bool(docs))
        if not ev.secrets_only:
            text.scan_references(ev)
            text.scan_code_patterns(ev)
    else:
        # Comments and free text the structure does not carry still get the specific detectors.
        text.scan_lines(ev, only_new=True)


# Flow collections nested this deep, or anchors with aliases, send a YAML file to the guarded parser.
_YAML_SUSPECT_BRACKETS = 1000
# Every byte but the ones the YAML check counts or looks for: deleting them leaves those bytes in order, so
# one pass over the file (bytes.translate) replaces four counts and three searches of it (a two-byte
# search such as "\n\t" alone cost ~9 us per 10 KB file, against ~0.5 for one byte).
_YAML_NOT_COUNTED = bytes(range(256)).translate(None, b"[]{}&*\t")


def _structure_suspect(data: bytes, fmt: str) -> bool:
    """Whether a structured file that the keyword gates would pass over must be parsed anyway.

    Malformed JSON, a YAML alias bomb or a document nested thousands deep has to become a coverage entry
    even when nothing in it looks like a credential. The checks are cheap: a validating JSON parser
    (jsonvalid.loads_ok: json.loads's answer), byte counts for YAML; TOML files are rare and always parsed.
    """
    if fmt == "json":
        # Not what json.loads accepts: the tolerant parser decides (JSONC comments are fine, a broken file is
        # reported).
        return not loads_ok(data)
    if fmt == "yaml":
        counted = data.translate(None, _YAML_NOT_COUNTED)  # the bytes below, in order, and nothing else
        opened = counted.count(b"[") + counted.count(b"{")
        return (
            (b"&" in counted and b"*" in counted)  # anchors and aliases: a possible alias bomb
            or opened > _YAML_SUSPECT_BRACKETS  # deep flow nesting
            or opened != counted.count(b"]") + counted.count(b"}")  # an unclosed flow collection
            or (b"\t" in counted and b"\n\t" in data)  # tab indentation, which YAML forbids
        )
    return fmt == "toml"


def _helm_template(rel: str, data: bytes) -> bool:
    parts = rel.lower().split("/")
    return "templates" in parts[:-1] and b"{{" in data


# A file with nothing in it (most of any tree) travels back from a worker as this bare tuple instead of a
# FileScan: (path, format, size), every other field at its default.
Bare = tuple[str, str, int]


# Every field of a FileScan at its default, in field order: a bare result becomes a FileScan by copying this
# and setting three values, a fifth of what the frozen dataclass's __init__ costs (13 object.__setattr__
# calls), for each of the tens of thousands of files a scan's parent receives.
_BARE_FIELDS: dict[str, object] = {f.name: f.default for f in fields(FileScan)}


def as_filescan(result: FileScan | Bare) -> FileScan:
    """A FileScan for a bare (path, format, size); equal to FileScan(*result), field for field."""
    if isinstance(result, FileScan):
        return result
    scan = object.__new__(FileScan)
    values = scan.__dict__
    values.update(_BARE_FIELDS)
    values["path"], values["format"], values["size"] = result
    return scan


def _read_member(entry: MemberEntry) -> bytes | FileScan:
    """An archive member's bytes, or the FileScan of its coverage entry when it cannot be examined."""
    try:
        return read_member(entry)
    except MemberError as exc:
        reason, category = exc.reason, exc.category
    except ChangedFileError as exc:
        reason, category = (
            f"archive changed since discovery: the path now {exc.strerror}; not examined",
            "changed",
        )
    except OSError as exc:
        reason, category = f"cannot read the archive: {exc.strerror or type(exc).__name__}", "unreadable"
    fmt = classify(entry.rel).format
    return FileScan(entry.rel, fmt, entry.size, skipped=(Skipped(entry.rel, reason, category),))


def _scan(
    entry: FileEntry | ShippedEntry | MemberEntry, detectors: DetectorSet, fingerprint_key: str
) -> FileScan | Bare:
    if isinstance(entry, MemberEntry):
        member = _read_member(entry)
        if isinstance(member, FileScan):
            return member
        return _scan_read(entry.rel, member, detectors, fingerprint_key)
    try:
        # Not a plain open(): the path may have become a FIFO (open would block forever) or a symlink out of
        # the tree (read under the in-tree name) since discovery. A file that grew is read up to what
        # discovery's size check allowed, plus room for an append.
        data = read_regular(entry.path, entry.identity, entry.size + _GROWTH_ALLOWANCE)
    except ChangedFileError as exc:
        fmt = classify(entry.rel).format
        reason = f"changed since discovery: the path now {exc.strerror}; not examined"
        return FileScan(entry.rel, fmt, entry.size, skipped=(Skipped(entry.rel, reason, "changed"),))
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or type(exc).__name__}"
        fmt = classify(entry.rel).format
        return FileScan(entry.rel, fmt, entry.size, skipped=(Skipped(entry.rel, reason, "unreadable"),))
    return _scan_read(entry.rel, data, detectors, fingerprint_key)


# scan_file_unguarded with its arguments in order: what a pool's worker calls for each file (scan_entry's
# work without its two calls around it).
scan_unguarded = _scan


def _scan_read(rel: str, data: bytes, detectors: DetectorSet, fingerprint_key: str) -> FileScan | Bare:
    """The scan of a file's (or an archive member's) bytes, read."""
    quick, probe = _nothing_here(rel, data, detectors)
    if quick is not None:
        return quick
    probed: list[Probe] = []
    scan = _scan_data(rel, data, detectors, fingerprint_key, probed, probe=probe)
    # Files in the working tree that a code collector reads are marked here, from the bytes already in hand
    # (and from the combined pass, when it ran over these very bytes).
    marked = probed[0].answer(iac_marks.markers().name) if probed else None
    mark = iac_kind(rel, scan.format, data, marked=marked)
    return replace(scan, iac=mark) if mark else scan


# The combined pass's answers the quick path reads (DetectorSet.probe), then the name of the keyword
# question, which the pass does not ask: with any of the first four missing (no Vectorscan, a marker set
# without a partition) every file takes the whole path.
_QUICK_NAMES: list[tuple[str, str, str, str, str]] = []


def _quick_names() -> tuple[str, str, str, str, str]:
    if not _QUICK_NAMES:
        from auditor.extract.detectors import KEYWORDS

        _QUICK_NAMES.append(
            (
                ALLOW_MARKER,
                markers.manifest_markers().name,
                markers.evidence_markers().name,
                iac_marks.markers().name,
                KEYWORDS,
            )
        )
    return _QUICK_NAMES[0]


_QUICK: dict[tuple[str, ...], bool] = {}  # Probe.asked -> whether it answers the pass's _quick_names()
_NO_PROBE = object()


def _nothing_here(rel: str, data: bytes, detectors: DetectorSet) -> tuple[FileScan | Bare | None, object]:
    """The result of a file the combined pass proves holds nothing (no allow marker, no manifest marker, no
    detector that can match or no keyword at all, no auth evidence, structure not suspect), without decoding
    it or building its evidence: the same FileScan _scan_data and iac_kind give, as a bare tuple when it has
    nothing but its path, format and size. (None, the probe or _NO_PROBE) when the whole path must decide.

    Most files of any tree end here: everything on it is one C pass, the path's classification and, for
    JSON and YAML, the cheap structure checks."""
    if not data or data.find(b"\x00", 0, BINARY_SNIFF) >= 0:
        return None, _NO_PROBE  # empty, or perhaps binary: the whole path decides
    kind = classify(rel)
    fmt = kind.format
    probe = detectors.probe(data, text_only=fmt not in _STRUCTURED)
    if probe is None or probe.allowed is None:
        # No gate, or text it does not judge (not UTF-8, control bytes): the whole path, which knows the
        # probe ran over these bytes.
        return None, probe
    asked = probe.asked
    ready = _QUICK.get(asked)
    if ready is None:
        ready = _QUICK[asked] = all(name in asked for name in _quick_names()[:4])
    if not ready:
        return None, probe
    allow, manifest, evidence, iac, keywords_name = _QUICK_NAMES[0]  # (filled by the _quick_names() above)
    found = probe.found
    if allow in found or manifest in found:
        return None, probe
    if probe.allowed or evidence in found:
        # Only here does the keyword question decide (without a keyword nothing is read further, whatever
        # may match: _scan_data's first exit); the prefilter answers it at the first keyword (KEYWORDS).
        keywords = detectors.candidates(data)
        probe = probe.with_answer(keywords_name, keywords)
        if keywords and (evidence in found or detectors.keyword_reachable(data, probe.allowed or ())):
            # (Without evidence and with no allowed detector's keyword or anchor here, _scan_data's text
            # pass finds nothing and its second gate returns what the rest of this path does.)
            return None, probe
    if kind.known is not None or kind.context is SecretContext.WORKFLOW or fmt in _ALWAYS_PARSED:
        return None, probe  # always parsed (an agent manifest by name)
    if fmt == "json" and (data.find(ARM_SCHEMA, 0, 4096) >= 0 or data.find(PARAMETERS_SCHEMA, 0, 4096) >= 0):
        return None, probe  # an ARM template or a deployment parameters file (in the first 4 KB, uncopied)
    if _structure_suspect(data, fmt):
        return None, probe
    mark = iac_kind(rel, fmt, data, marked=iac in found)
    if mark:
        return FileScan(rel, fmt, len(data), iac=mark), probe
    return (rel, fmt, len(data)), probe


def _scan_data(
    rel: str,
    data: bytes,
    detectors: DetectorSet,
    fingerprint_key: str,
    probed: list[Probe] | None = None,
    *,
    probe: object = _NO_PROBE,
    text_hits: list[Hit] | None = None,
    secrets_only: bool = False,
) -> FileScan:
    """Everything in one file's bytes, wherever they came from (the disk, a git blob). `probed` receives the
    combined pass's answers when that pass ran over `data` itself (not a transcoded copy). `probe`: what
    detectors.probe(data) said, when the caller asked it already (_nothing_here). `text_hits`: what
    detectors.scan_text said of `data` decoded as UTF-8 with the probe's gate verdict, when the caller asked
    it already (_quiet). `secrets_only`: only the secrets and coverage entries (Evidence.secrets_only)."""
    kind = classify(rel)
    fmt = kind.format
    size = len(data)
    original = data
    # One Vectorscan pass answers the gate and the marker sets below (when the gate is in use); each answer
    # is the one its own pass would give (the keyword question is the prefilter's: detectors.KEYWORDS). It
    # runs first on text with no NUL near the start: when the gate judges the buffer, it is valid UTF-8 (so
    # it holds no UTF-16/32 byte-order mark) and no byte in it is a control byte or a NUL (each is a blind
    # byte), so the binary and encoding checks could only say "UTF-8 text".
    text_only = fmt not in _STRUCTURED  # the probe's answer is for scan_text only (DetectorSet.probe)
    if probe is _NO_PROBE:
        probe = (
            detectors.probe(data, text_only=text_only) if data.find(b"\x00", 0, BINARY_SNIFF) < 0 else None
        )
    probe = cast("Probe | None", probe)
    transcode_note: str | None = None
    if probe is None or probe.allowed is None:
        if _looks_binary(data):
            media = media_kind(rel, data[:16])
            if media is not None:
                reason = f"{media.upper()} file (its signature agrees): media holds no configuration"
                return FileScan(rel, "binary", size, skipped=(Skipped(rel, reason, "media"),))
            return FileScan(rel, "binary", size, skipped=(Skipped(rel, "binary file", "binary"),))
        # UTF-16/32 interleave NUL bytes with every keyword: prefilter the UTF-8 re-encoding instead.
        data, transcode_note = _transcode(data)
        if probe is None or data is not original:
            probe = detectors.probe(data, text_only=text_only)
    if probe is not None and probed is not None and data is original:
        probed.append(probe)
    if probe is not None and probe.answer(ALLOW_MARKER) is False:
        allow: tuple[int, ...] = ()
        peer: tuple[tuple[int, str], ...] = ()
    else:
        allow, peer = allow_lines(data), peer_allow_lines(data)
    must_parse = _is_manifest_candidate(data, kind, probe)
    keywords = probe.keywords() if probe is not None else None
    if keywords is None:
        keywords = detectors.candidates(data)
    # Fast path: no detector keyword and no agent-manifest marker means nothing here needs parsing, unless
    # the structure itself looks broken. That check runs only where a file would otherwise go unparsed,
    # so a file that is parsed anyway is not decoded twice.
    if not must_parse and not keywords:
        if not _structure_suspect(data, fmt):
            skipped = (
                (Skipped(rel, f"{transcode_note}: still scanned", "encoding"),) if transcode_note else ()
            )
            return FileScan(rel, fmt, size, allow_lines=allow, peer_allow=peer, skipped=skipped)
        must_parse = True
    elif (
        not must_parse
        and (detectors.may_match(data) if probe is None else probe.may_match()) is False
        and not _occurs(markers.evidence_markers(), data, probe)
        and not _structure_suspect(data, fmt)
    ):
        # The gate proves no detector yields a hit anywhere (so the text scan below would find nothing): the
        # same result as the second gate below, without decoding the file or building its evidence. The
        # gate only judges valid UTF-8, which decodes without a note.
        skipped = (
            (Skipped(rel, f"{transcode_note}: still scanned, values may be garbled", "encoding"),)
            if transcode_note
            else ()
        )
        return FileScan(rel, fmt, size, allow_lines=allow, peer_allow=peer, skipped=skipped)
    body, note = _decode(data)
    note = transcode_note or note
    ev = Evidence(rel, body, kind, detectors, fingerprint_key)
    ev.secrets_only = secrets_only
    if probe is not None and data is original:
        ev.manifest_marked = probe.answer(markers.manifest_markers().name)
    if probe is not None:
        # The gate judged these characters' UTF-8 (it judges nothing else), less a leading byte-order mark.
        ev.gate_allowed = probe.allowed
    if text_hits is not None:
        ev._text_hits = text_hits  # the same detector pass over the same text, already run
    if note is not None:
        ev.skip(f"{note}: still scanned, values may be garbled", "encoding")
    # Second gate: keywords are common words, so structure is read only where a detector hit, an agent
    # manifest or auth evidence is; parsing everything would cost ten times the detector pass.
    if (
        not must_parse
        and not ev.text_hits()
        and not _occurs(markers.evidence_markers(), data, probe)
        and not _structure_suspect(data, fmt)
    ):
        return ev.build(fmt, size, allow, peer)
    if fmt == "yaml" and _helm_template(rel, data):
        # A Helm template is not YAML until rendered: read it as text, by design, not as a parse failure.
        text.scan_text_file(ev, template=True)
        return ev.build("helm_template", size, allow, peer)
    if fmt in _STRUCTURED:
        _scan_structured(ev, fmt)
    else:
        k8s.scan_embedded_secrets(ev)
        text.scan_text_file(ev)
    return ev.build(fmt, size, allow, peer)


def yields_nothing(rel: str, data: bytes, detectors: DetectorSet) -> bool:
    """True only when `_scan_data(rel, data, ...)` would return no secret and no coverage entry, decided
    with its own checks (the combined pass, the manifest and evidence markers, the structure check, the
    detector pass over the text) without building anything; False means "scan it" (it may still hold
    nothing). For callers that keep only what a file holds (git history: most versions hold nothing).

    Each test in `_quiet` is one of `_scan_data`'s exits to an empty result; anything else, including the
    paths that may record a coverage entry (binary, a byte-order mark, an encoding note), answers False.
    """
    return _quiet(rel, data, detectors)[0]


def _quiet(rel: str, data: bytes, detectors: DetectorSet) -> tuple[bool, object, list[Hit] | None]:
    """(yields_nothing's answer, the combined pass's Probe or _NO_PROBE when it did not run, the detector
    pass over the text when it ran): what was learnt deciding, for the scan that follows a False."""
    if data.find(b"\x00", 0, BINARY_SNIFF) >= 0 or _bom_encoding(data) is not None:
        return False, _NO_PROBE, None
    kind = classify(rel)
    fmt = kind.format
    probe = detectors.probe(data, text_only=fmt not in _STRUCTURED)
    if probe is None:
        return False, probe, None
    if probe.allowed is None and _looks_binary(data):
        return False, probe, None
    if fmt not in _STRUCTURED:
        return _quiet_text(data, kind, detectors, probe)
    if _is_manifest_candidate(data, kind, probe):
        return False, probe, None
    keywords = probe.keywords()
    if keywords is None:
        keywords = detectors.candidates(data)
    if not keywords:
        return not _structure_suspect(data, fmt), probe, None
    if _occurs(markers.evidence_markers(), data, probe) or _structure_suspect(data, fmt):
        return False, probe, None
    if probe.may_match() is False:
        return True, probe, None
    try:
        body = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False, probe, None  # decoded as latin-1 with a note: a coverage entry
    hits = detectors.scan_text(body, allowed=probe.allowed)
    return not hits, probe, hits


def _quiet_text(
    data: bytes, kind: FileKind, detectors: DetectorSet, probe: Probe
) -> tuple[bool, object, list[Hit] | None]:
    """_quiet for a format no parser reads (source, prose, a key file): wherever `_scan_data` takes such a
    file, the only secrets it can find are the detector pass's hits over the text (scan_lines) and the
    Kubernetes Secrets written in it (k8s.scan_embedded_secrets), and its only coverage entry an encoding
    note; the manifest and evidence markers decide how much else is extracted (references, settings,
    hints), never a secret. So a file with neither, in UTF-8, yields nothing whatever its markers."""
    must_parse = _is_manifest_candidate(data, kind, probe)
    keywords = probe.keywords()
    if keywords is None:
        keywords = detectors.candidates(data)
    if not must_parse and not keywords:
        return True, probe, None  # _scan_data's first fast exit: nothing is decoded
    if not must_parse and probe.may_match() is False and not _occurs(markers.evidence_markers(), data, probe):
        return True, probe, None  # its second: the gate proves no detector matches
    try:
        body = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False, probe, None  # decoded as latin-1 with a note: a coverage entry
    hits = detectors.scan_text(body, allowed=probe.allowed)
    return not hits and not k8s.may_embed_secrets(body), probe, hits


def scan_secrets_if_any(
    rel: str, data: bytes, detectors: DetectorSet, *, fingerprint_key: str
) -> FileScan | None:
    """None when `yields_nothing`; else what scan_bytes finds of secrets and coverage (the FileScan's
    references, settings and manifest hints left empty), without asking again what deciding learnt (the
    combined pass, the detector pass over the text). For callers that keep only secrets and coverage (git
    history). Deciding may raise (run it under `within_budget`); the scan after it never does."""
    nothing, probe, hits = _quiet(rel, data, detectors)
    if nothing:
        return None
    return as_filescan(
        _guarded(
            rel,
            len(data),
            lambda: _scan_data(
                rel, data, detectors, fingerprint_key, probe=probe, text_hits=hits, secrets_only=True
            ),
        )
    )


def _guarded(
    rel: str, size: int, scan: Callable[[], FileScan | Bare], time_budget: float | None = None
) -> FileScan | Bare:
    """Run one file's scan; a failure becomes a Skipped entry for that file, never an exception.

    `time_budget` (seconds, None for none) bounds the whole extraction: a file that takes longer is not
    examined, and says so in coverage, rather than holding a worker for as long as it likes.
    """
    try:
        if time_budget is None or time_budget <= 0:  # no budget: file_budget would only yield
            return scan()
        watch = watching()
        if watch is not None:  # a worker's batch: the timers are armed already, the file takes a number
            watch.begin()
            try:
                return scan()
            finally:
                watch.live = False
        with file_budget(time_budget):
            return scan()
    except (FileBudgetExceeded, Exception) as exc:
        return guard_failure(rel, size, exc, time_budget)


def guard_failure(rel: str, size: int, exc: BaseException, time_budget: float | None) -> FileScan:
    """What `_guarded` makes of the exception a file's scan raised: the Skipped entry that says why the file
    was not examined (the exception raised again when it is not one of a file's own failures). For a loop
    that guards many files itself (the pool's batches)."""
    if isinstance(exc, FileBudgetExceeded):
        if time_budget is None or time_budget <= 0:
            raise exc  # an enclosing budget ran out (history's per-blob guard): its guard reports it
        seconds = time_budget
        reason = (
            f"scanning used more than the {seconds:g} s per-file time budget (CPU time, or"
            f" {seconds * WALL_FACTOR:g} s stalled); not examined"
        )
        return FileScan(rel, "unknown", size, skipped=(Skipped(rel, reason, "timeout"),))
    if isinstance(exc, RecursionError):
        reason = "too deeply nested to scan"
        return FileScan(rel, "unknown", size, skipped=(Skipped(rel, reason, "too_deep"),))
    if isinstance(exc, MemoryError):
        return FileScan(rel, "unknown", size, skipped=(Skipped(rel, "out of memory", "error"),))
    if not isinstance(exc, Exception):
        raise exc
    # One bad file must not end the scan; the type name carries no file content.
    reason = f"extractor failed ({type(exc).__name__}); file not scanned"
    return FileScan(rel, "unknown", size, skipped=(Skipped(rel, reason, "error"),))


def scan_file(
    entry: FileEntry | MemberEntry,
    detectors: DetectorSet,
    *,
    fingerprint_key: str,
    time_budget: float | None = None,
) -> FileScan:
    """Everything one file yields. Never raises: a failure becomes a Skipped entry for that file."""
    return as_filescan(
        _guarded(entry.rel, entry.size, lambda: _scan(entry, detectors, fingerprint_key), time_budget)
    )


def scan_file_unguarded(
    entry: FileEntry | ShippedEntry | MemberEntry, detectors: DetectorSet, *, fingerprint_key: str
) -> FileScan | Bare:
    """scan_file without its guard, for a caller that runs it under within_budget already (the pool):
    the same result, one guard per file instead of two, a file with nothing in it as a bare tuple
    (as_filescan makes it a FileScan). May raise; the guard turns that into coverage."""
    return _scan(entry, detectors, fingerprint_key)


@overload
def within_budget(
    rel: str, size: int, time_budget: float | None, scan: Callable[[], FileScan]
) -> FileScan: ...


@overload
def within_budget(
    rel: str, size: int, time_budget: float | None, scan: Callable[[], FileScan | Bare]
) -> FileScan | Bare: ...


def within_budget(
    rel: str, size: int, time_budget: float | None, scan: Callable[[], FileScan | Bare]
) -> FileScan | Bare:
    """Any unit of work (a file, a git blob) under the per-file time budget; never raises. The result is
    what `scan` gives, or a FileScan of the failure."""
    return _guarded(rel, size, scan, time_budget)


def scan_bytes(rel: str, data: bytes, detectors: DetectorSet, *, fingerprint_key: str) -> FileScan:
    """Everything a file's bytes yield when they do not come from disk (a git blob). Never raises."""
    return as_filescan(_guarded(rel, len(data), lambda: _scan_data(rel, data, detectors, fingerprint_key)))
