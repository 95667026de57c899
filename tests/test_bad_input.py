"""Bad input never ends a scan: each case becomes a Skipped entry with a clear reason; the rest goes on."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from auditor.discovery.walk import FileEntry, walk
from auditor.extract import filescan, scan_file, scan_files
from auditor.extract.detectors import DetectorSet
from auditor.model import FileScan

DETECTORS_DIR = Path(__file__).parent / "data" / "extract" / "detectors"
KEY = "test-fingerprint-key"


def fake_github(seed: str) -> str:
    # Built in code: no token-shaped string is stored in the repository.
    return "ghp_" + hashlib.sha256(seed.encode()).hexdigest()[:36]


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load(DETECTORS_DIR, prefilter="python")


def scan(tmp_path: Path, rel: str, data: bytes, detectors: DetectorSet) -> FileScan:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return scan_file(FileEntry(path, rel, len(data)), detectors, fingerprint_key=KEY)


@pytest.mark.parametrize(
    ("rel", "template", "where"),
    [
        ("bad.yaml", "name: bot\ntoken: {token}\nlist: [1, 2\n", "YAML line"),
        ("bad.json", '{{\n  "token": "{token}",\n  "x": \n}}\n', "JSON line 4 column 1"),
        ("bad.toml", 'token = "{token}"\n[section\nx = 1\n', "TOML line 2"),
    ],
)
def test_malformed_structure_is_skipped_and_still_scanned(
    tmp_path: Path, detectors: DetectorSet, rel: str, template: str, where: str
) -> None:
    token = fake_github(rel)
    result = scan(tmp_path, rel, template.format(token=token).encode(), detectors)
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert skipped.category == "parse_error"
    assert where in skipped.reason
    assert token not in skipped.reason
    # The line-based fallback still finds the secret, on the right line.
    assert [(m.kind, m.location.line) for m in result.secrets] == [
        ("github_pat", 1 if rel == "bad.toml" else 2)
    ]


def test_yaml_bomb_refused(tmp_path: Path, detectors: DetectorSet) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append(f"token: {fake_github('bomb')}")
    result = scan(tmp_path, "bomb.yaml", ("\n".join(lines) + "\n").encode(), detectors)
    assert [s.category for s in result.skipped] == ["yaml_bomb"]
    assert "billion-laughs" in result.skipped[0].reason
    assert [m.location.line for m in result.secrets] == [11]


def test_json_nested_ten_thousand_deep(tmp_path: Path, detectors: DetectorSet) -> None:
    body = ("[" * 10_000 + "]" * 10_000).encode()
    result = scan(
        tmp_path,
        "deep.json",
        b'{"token": "' + fake_github("deep").encode() + b'", "x": ' + body + b"}",
        detectors,
    )
    assert [s.category for s in result.skipped] == ["too_deep"]
    assert "too deeply nested" in result.skipped[0].reason
    assert len(result.secrets) == 1  # found by the fallback scan


def test_yaml_nested_deep(tmp_path: Path, detectors: DetectorSet) -> None:
    body = ("token: " + fake_github("deepyaml") + "\nx: " + "[" * 10_000 + "]" * 10_000 + "\n").encode()
    result = scan(tmp_path, "deep.yaml", body, detectors)
    assert [s.category for s in result.skipped] == ["too_deep"]
    assert len(result.secrets) == 1


def test_binary_named_yaml(tmp_path: Path, detectors: DetectorSet) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4 + fake_github("png").encode()
    result = scan(tmp_path, "image.yaml", data, detectors)
    assert result.format == "binary"
    assert [(s.category, s.reason) for s in result.skipped] == [("binary", "binary file")]
    assert result.secrets == ()


_MEDIA_HEADS = {
    "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "photo.JPG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "spinner.gif": b"GIF89a\x10\x00\x10\x00",
    "hero.webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "favicon.ico": b"\x00\x00\x01\x00\x01\x00",
    "inter.woff2": b"wOF2\x00\x01\x00\x00",
    "mono.ttf": b"\x00\x01\x00\x00\x00\x10\x01\x00",
    "chime.wav": b"RIFF\x24\x00\x00\x00WAVEfmt ",
    "demo.mp4": b"\x00\x00\x00\x18ftypmp42",
}


@pytest.mark.parametrize("name", sorted(_MEDIA_HEADS))
def test_media_is_skipped_by_design(tmp_path: Path, detectors: DetectorSet, name: str) -> None:
    # Pictures, fonts and recordings hold no configuration: listed, but not as a gap in coverage.
    data = _MEDIA_HEADS[name] + bytes(range(256)) * 4
    result = scan(tmp_path, name, data, detectors)
    assert result.format == "binary"
    assert [s.category for s in result.skipped] == ["media"]
    assert result.skipped[0].by_design
    assert name.rpartition(".")[2].upper() in result.skipped[0].reason


def test_media_name_without_its_signature_stays_a_gap(tmp_path: Path, detectors: DetectorSet) -> None:
    # A `.png` that is no PNG (a keystore renamed, say): a binary botaudit could not read, so a gap.
    data = b"\xfe\xed\xfe\xed\x00\x00\x00\x02" + bytes(range(256)) * 4
    result = scan(tmp_path, "logo.png", data, detectors)
    assert [(s.category, s.reason) for s in result.skipped] == [("binary", "binary file")]
    assert not result.skipped[0].by_design


def test_text_under_a_media_name_is_scanned(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("pngtext")
    result = scan(tmp_path, "notes.png", f"token: {token}\n".encode(), detectors)
    assert result.skipped == () and len(result.secrets) == 1


def test_non_utf8_text_still_scanned(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("latin1")
    data = "# configuración: contraseña\n".encode("latin-1") + f"token: {token}\n".encode()
    result = scan(tmp_path, "conf.yaml", data, detectors)
    assert [s.category for s in result.skipped] == ["encoding"]
    assert "latin-1" in result.skipped[0].reason
    assert [m.location.line for m in result.secrets] == [2]


def test_utf16_with_bom_is_text(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("utf16")
    result = scan(tmp_path, "notes.txt", f"token {token}\n".encode("utf-16"), detectors)
    assert result.skipped == ()
    assert len(result.secrets) == 1


def test_file_over_max_size_and_symlink_loop_in_walk(tmp_path: Path) -> None:
    with open(tmp_path / "big.json", "wb") as handle:
        handle.truncate(1 << 30)  # sparse 1 GB file
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "ok.yaml").write_text("a: 1\n")
    entries, skipped = walk([tmp_path])
    assert [e.rel for e in entries] == ["ok.yaml"]
    assert {(s.source, s.category) for s in skipped} == {("big.json", "too_large"), ("loop", "symlink")}


def test_unreadable_file_at_scan_time(
    tmp_path: Path, detectors: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.env"
    path.write_text(f"TOKEN={fake_github('locked')}\n")
    real_read = filescan.read_regular

    # chmod 000 does not stop root (the test user here): make the read fail for this one path instead.
    def guarded_read(file: object, *args: object, **kwargs: object) -> bytes:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_read(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(filescan, "read_regular", guarded_read)
    result = scan_file(FileEntry(path, "locked.env", 10), detectors, fingerprint_key=KEY)
    assert [(s.category, s.reason) for s in result.skipped] == [
        ("unreadable", "cannot read: Permission denied")
    ]


def test_file_vanished_between_walk_and_scan(tmp_path: Path, detectors: DetectorSet) -> None:
    result = scan_file(FileEntry(tmp_path / "gone.yaml", "gone.yaml", 5), detectors, fingerprint_key=KEY)
    assert result.skipped[0].category == "unreadable"


def test_extractor_crash_becomes_skipped(
    tmp_path: Path, detectors: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = fake_github("crash")

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError(f"boom {token}")

    monkeypatch.setattr(filescan.structured, "scan_doc", explode)
    result = scan(tmp_path, "conf.yaml", f"token: {token}\n".encode(), detectors)
    assert result.skipped[0].category == "error"
    assert "ValueError" in result.skipped[0].reason
    assert token not in result.skipped[0].reason  # exception text may hold file content: never reported


def test_whole_tree_of_bad_input_goes_on(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("good")
    (tmp_path / "bad.json").write_text('{"token": "' + fake_github("bad") + '",')
    (tmp_path / "bomb.yaml").write_text(
        "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
        + "".join(
            f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "password: hunter2hunter2\n"
    )
    (tmp_path / "blob.yaml").write_bytes(b"\x00\x01\x02password")
    (tmp_path / "deep.json").write_text(
        '{"password": "Xq9vT2pLmZ", "x": ' + "[" * 10_000 + "]" * 10_000 + "}"
    )
    os.mkfifo(tmp_path / "fifo.env")
    (tmp_path / "good.env").write_text(f"GITHUB_TOKEN={token}\n")
    entries, skipped = walk([tmp_path])
    results = scan_files(entries, detectors, fingerprint_key=KEY, jobs=1)
    categories = {s.source: s.category for s in skipped} | {
        s.source: s.category for r in results for s in r.skipped
    }
    assert categories == {
        "bad.json": "parse_error",
        "bomb.yaml": "yaml_bomb",
        "blob.yaml": "binary",
        "deep.json": "too_deep",
        "fifo.env": "special",
    }
    good = next(r for r in results if r.path == "good.env")
    assert [m.location.key for m in good.secrets] == ["GITHUB_TOKEN"]


@pytest.mark.parametrize(
    ("rel", "data", "category"),
    [
        ("malformed.yaml", b"a: [unclosed\nb: 1\n", "parse_error"),
        ("tabs.yaml", b"a:\n\tb: 1\n", "parse_error"),
        ("malformed.json", b'{"a": [1, 2,,]}', "parse_error"),
        ("bad.toml", b"x = [1,\n", "parse_error"),
        ("deep.json", b"[" * 10_000 + b"]" * 10_000, "too_deep"),
        ("deep.yaml", b"x: " + b"[" * 5_000 + b"]" * 5_000 + b"\n", "too_deep"),
        (
            "bomb.yaml",
            b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            + b"".join(
                b"%c: &%c [%s]\n" % (98 + i, 98 + i, b",".join([b"*%c" % (97 + i)] * 9)) for i in range(8)
            ),
            "yaml_bomb",
        ),
    ],
)
def test_broken_structure_is_reported_even_without_any_credential(
    tmp_path: Path, rel: str, data: bytes, category: str
) -> None:
    """Files with nothing credential-like skip the parser, yet broken structure is still coverage."""
    result = scan(tmp_path, rel, data, DetectorSet.load())  # the bundled detectors and their real gates
    assert [s.category for s in result.skipped] == [category], result.skipped
    assert result.secrets == ()


def test_valid_structure_without_credentials_stays_on_the_fast_path(tmp_path: Path) -> None:
    for rel, data in (("ok.json", b'{"a": [1, 2]}'), ("ok.yaml", b"a: [1, 2]\nb: {c: d}\n")):
        assert scan(tmp_path, rel, data, DetectorSet.load()).skipped == ()
