"""Arbitrary file and folder names through the whole pipeline (issue 10, "Done when": hypothesis over file
contents and names). A hostile repository chooses its names: undecodable bytes, terminal escapes, bidi
overrides, newlines, Markdown and HTML syntax, very long names. Whatever the name, the file is scanned or
listed in coverage, the scan never fails, the credential inside is still found, and no report carries a
planted value or a raw control character from a name."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.report import FormatChoice, ReportOptions, render
from auditor.scan import ScanOptions, run
from tests.adversarial.strategies import HOSTILE, PLANTED

TOKEN = PLANTED[0]  # a GitHub classic PAT with a valid checksum: found by its shape under any key
CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {"\x7f", "\u202e", "\u2066", "\u2067"}


def _encode(name: str) -> bytes:
    """A str name as the bytes on disk; a lone surrogate (no file system encoding has it) as raw UTF-8."""
    try:
        return os.fsencode(name)
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass")


# Bytes a POSIX file name may hold: anything but NUL and "/" (and not "." or ".." as a whole name).
name_bytes = st.binary(min_size=1, max_size=60).map(lambda b: b.replace(b"\x00", b"_").replace(b"/", b"_"))
hostile_names = st.sampled_from(HOSTILE).map(lambda s: s.replace("/", "_").replace("\x00", "_")[:60])
names = st.one_of(
    name_bytes,
    hostile_names.map(lambda s: _encode(s) if s else b"_"),
    st.text(min_size=1, max_size=40).map(lambda s: _encode(s.replace("/", "_").replace("\x00", "_"))),
).filter(lambda b: b not in (b".", b"..") and len(b) <= 200)
suffixes = st.sampled_from((b".env", b".yaml", b".json", b"", b".txt"))


def _body(suffix: bytes) -> bytes:
    if suffix == b".json":
        return b'{"env": {"GITHUB_TOKEN": "' + TOKEN.encode() + b'"}}\n'
    if suffix == b".yaml":
        return b"env:\n  GITHUB_TOKEN: " + TOKEN.encode() + b"\n"
    return b"GITHUB_TOKEN=" + TOKEN.encode() + b"\n"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(
    files=st.lists(
        st.tuples(names, names, suffixes), min_size=1, max_size=4, unique_by=lambda t: (t[0], t[1])
    )
)
def test_any_file_name_is_scanned_or_reported_and_never_breaks_a_report(
    files: list[tuple[bytes, bytes, bytes]],
) -> None:
    root = Path(tempfile.mkdtemp(prefix="botaudit-names-"))
    broot = os.fsencode(root)
    written: list[bytes] = []
    try:
        for folder, name, suffix in files:
            directory = os.path.join(broot, b"d" + folder)
            path = os.path.join(directory, name + suffix)
            try:
                os.makedirs(directory, exist_ok=True)
                with open(path, "wb") as handle:
                    handle.write(_body(suffix))
            except OSError:  # a name this file system refuses (too long once joined): not a repository's
                continue
            written.append(path)
        result = run(ScanOptions(paths=(root,), jobs=1))

        # Every file written is accounted for: scanned, or named in coverage.
        accounted = len(result.files) + len(result.coverage.skipped)
        assert accounted >= len(written), (accounted, len(written))
        # The credential is found whatever the file is called (found, or the file is in coverage).
        if written and result.files:
            assert any(m for f in result.files for m in f.secrets), "a planted token was not found"

        for fmt in FormatChoice:
            text = render(fmt, result, options=ReportOptions(no_color=True))
            text.encode("utf-8")  # valid UTF-8 even from undecodable names
            for secret in PLANTED:
                assert secret not in text, f"{fmt.value} shows a planted value"
            raw = CONTROLS & set(text)
            assert not raw, f"{fmt.value} carries raw control characters {sorted(map(repr, raw))}"
    finally:
        shutil.rmtree(root, ignore_errors=True)
