"""Tar archives and compressed files in a scanned tree (discovery/tarballs.py): a Helm chart's `.tgz`, a
release `.tar.gz`/`.tar.bz2`/`.tar.xz`/`.tar` and a `config.env.gz` are scanned member by member under
`<archive>!/<member>` like a zip's, streamed (never extracted), within the zip limits, every member not read a
coverage entry, a damaged stream reported after what came before it was scanned."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import json
import lzma
import os
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.discovery import archives, tarballs
from auditor.discovery.walk import walk
from auditor.extract import pool
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_file
from auditor.extract.validators import base62_crc32
from auditor.model import ScanResult, split_member
from auditor.scan import ScanOptions, run

from .test_archives import git, note_for, notes, scan


# Credentials built in code, so no file in the repository holds a token-shaped string.
def fake_slack(seed: str) -> str:
    digest = hashlib.sha256(seed.encode()).hexdigest()
    digits = "".join(str(int(c, 16) % 10) for c in digest[:26])
    body = "".join(
        c.upper() if i % 3 == 0 else c for i, c in enumerate(hashlib.sha256(digest.encode()).hexdigest())
    )
    letters = "".join(ch for ch in body if ch.isalpha() or ch.isdigit())[:24]
    return f"xoxb-{digits[:13]}-{digits[13:26]}-{letters}"


def fake_pat(seed: str) -> str:
    body = hashlib.sha256(seed.encode()).hexdigest()[:30]
    return "ghp_" + body + base62_crc32(body)


def env_file(seed: str) -> bytes:
    return f"# deploy settings\nSLACK_BOT_TOKEN={fake_slack(seed)}\nLOG_LEVEL=info\n".encode()


def make_tar(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, mode) as archive:
        for name, body in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(body))
    return path


def add_special(archive: tarfile.TarFile, name: str, kind: bytes, target: str = "") -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    archive.addfile(info)


def secrets(result: ScanResult) -> set[tuple[str, int | None]]:
    return {(m.location.path, m.location.line) for f in result.files for m in f.secrets}


# -- formats ----------------------------------------------------------------------------------------------


def test_a_secret_in_a_helm_chart_tgz_is_found_at_its_member_and_line(tmp_path: Path) -> None:
    make_tar(
        tmp_path / "charts" / "notifier-0.3.1.tgz",
        {
            "notifier/Chart.yaml": b"apiVersion: v2\nname: notifier\nversion: 0.3.1\n",
            "notifier/values.yaml": b"replicaCount: 1\nimage:\n  repository: notifier\n",
            "notifier/files/.env": env_file("helm"),
        },
    )
    result = scan(tmp_path)
    assert secrets(result) == {("charts/notifier-0.3.1.tgz!/notifier/files/.env", 2)}
    assert sorted(f.path for f in result.files) == [
        "charts/notifier-0.3.1.tgz!/notifier/Chart.yaml",
        "charts/notifier-0.3.1.tgz!/notifier/files/.env",
        "charts/notifier-0.3.1.tgz!/notifier/values.yaml",
    ]
    assert "charts/notifier-0.3.1.tgz" not in {s.source for s in notes(result)}  # no "binary file" skip
    assert split_member("charts/notifier-0.3.1.tgz!/notifier/files/.env") == (
        "charts/notifier-0.3.1.tgz",
        "notifier/files/.env",
    )


@pytest.mark.parametrize(
    ("name", "mode"),
    [("bundle.tar", "w"), ("bundle.tar.gz", "w:gz"), ("bundle.tar.bz2", "w:bz2"), ("bundle.tar.xz", "w:xz")],
)
def test_every_tar_flavour_is_read(tmp_path: Path, name: str, mode: str) -> None:
    make_tar(tmp_path / name, {"./srv/app/.env": env_file(name), "./srv/app/notes.txt": b"v2\n"}, mode)
    result = scan(tmp_path)
    # `./` (tar -C dir .) is not part of the reported name
    assert secrets(result) == {(f"{name}!/srv/app/.env", 2)}
    files, _ = walk([tmp_path])
    assert {f.rel for f in files} == {f"{name}!/srv/app/.env", f"{name}!/srv/app/notes.txt"}
    # Only a compressed stream is read forward-only, so only its members are kept in one batch.
    assert {getattr(f, "sequential", None) for f in files} == {mode != "w"}


@pytest.mark.parametrize(
    ("name", "pack"),
    [("config.env.gz", gzip.compress), ("config.env.bz2", bz2.compress), ("config.env.xz", lzma.compress)],
)
def test_a_single_compressed_file_is_its_one_member(tmp_path: Path, name: str, pack) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / name).write_bytes(pack(env_file(name)))
    result = scan(tmp_path)
    assert secrets(result) == {(f"deploy/{name}!/config.env", 2)}
    (scanned,) = result.files
    assert scanned.format == "env" and scanned.size == len(env_file(name))


def test_the_compression_is_read_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    make_tar(tmp_path / "actually-plain.tgz", {"app.env": env_file("plain")}, "w")
    (tmp_path / "fake.gz").write_bytes(b"just text, not gzip\n")
    result = scan(tmp_path)
    assert secrets(result) == {("actually-plain.tgz!/app.env", 2)}
    assert "not a gz stream" in note_for(result, "fake.gz", "parse_error").reason


# -- reports ----------------------------------------------------------------------------------------------


def test_json_and_sarif_locate_a_member_finding_without_printing_it(tmp_path: Path) -> None:
    token = fake_slack("reports")
    make_tar(
        tmp_path / "release" / "lambda.tar.gz",
        {"handler.py": b"import os\n", "config/.env": f"A=1\nB=2\nSLACK_BOT_TOKEN={token}\n".encode()},
    )
    out = tmp_path / "out"
    out.mkdir()
    done = CliRunner().invoke(
        app,
        [
            "scan",
            str(tmp_path / "release"),
            "--no-progress",
            "--report",
            f"json:{out / 'r.json'}",
            "--report",
            f"sarif:{out / 'r.sarif'}",
        ],
    )
    assert done.exit_code == 1, done.output  # a gating finding, no traceback
    for text in (done.output, *(p.read_text(encoding="utf-8") for p in out.iterdir())):
        assert token not in text and token[5:25] not in text
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    located = {(f["location"]["path"], f["location"]["line"]) for f in report["findings"] if f["location"]}
    assert ("lambda.tar.gz!/config/.env", 3) in located
    sarif = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    results = [
        r
        for r in sarif["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "lambda.tar.gz"
    ]
    assert results, [r["locations"] for r in sarif["runs"][0]["results"]]
    for result in results:  # the archive is the location; the member is named in the message
        assert result["properties"]["archiveMember"] == "config/.env"
        assert "(in archive member config/.env, line 3" in result["message"]["text"]


# -- limits -----------------------------------------------------------------------------------------------


def test_count_size_and_total_limits_are_coverage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBERS", 3)
    make_tar(tmp_path / "many.tgz", {f"f{i}.txt": f"line {i}\n".encode() for i in range(5)})
    make_tar(tmp_path / "big.tar.xz", {"application.properties": b"a=b\n" * 4000}, "w:xz")
    (tmp_path / "huge.env.gz").write_bytes(gzip.compress(b"A=b\n" * 4000))
    result = scan(tmp_path, max_file_size=1000)
    assert "2 members beyond the first 3" in note_for(result, "many.tgz", "limit").reason
    size = note_for(result, "big.tar.xz!/application.properties", "too_large")
    assert "16000 bytes uncompressed, over the 1000-byte limit" in size.reason
    assert "over the 1000-byte limit" in note_for(result, "huge.env.gz!/huge.env", "too_large").reason
    assert sorted(f.path for f in result.files) == [
        "many.tgz!/f0.txt",
        "many.tgz!/f1.txt",
        "many.tgz!/f2.txt",
    ]


def test_total_uncompressed_bytes_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_TOTAL_BYTES", 250)
    make_tar(tmp_path / "t.tar.bz2", {f"part{i}.txt": bytes(100) + b"\n" for i in range(4)}, "w:bz2")
    result = scan(tmp_path)
    assert "2 members beyond 250 uncompressed bytes" in note_for(result, "t.tar.bz2", "limit").reason
    assert len(result.files) == 2


def test_a_decompression_bomb_member_is_not_read_and_the_rest_still_is(tmp_path: Path) -> None:
    token = fake_pat("beside-the-bomb")
    make_tar(
        tmp_path / "lambda.tar.gz",
        {"padding.txt": bytes(4 * 1024 * 1024), "config/.env": f"GITHUB_TOKEN={token}\n".encode()},
    )
    (tmp_path / "zeros.txt.gz").write_bytes(gzip.compress(bytes(4 * 1024 * 1024), 9))
    result = scan(tmp_path)
    bomb = note_for(result, "lambda.tar.gz!/padding.txt", "archive_bomb")
    assert "decompression bomb" in bomb.reason and "100x" in bomb.reason
    assert "decompression bomb" in note_for(result, "zeros.txt.gz!/zeros.txt", "archive_bomb").reason
    assert secrets(result) == {("lambda.tar.gz!/config/.env", 1)}
    assert not result.coverage.complete


def test_the_listing_stops_at_the_stream_and_header_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tarballs, "MAX_HEADERS", 4)
    make_tar(tmp_path / "headers.tgz", {f"d/f{i}.txt": b"x\n" for i in range(6)})
    result = scan(tmp_path)
    assert "more than 4 entries" in note_for(result, "headers.tgz", "limit").reason
    assert len(result.files) == 4
    monkeypatch.setattr(tarballs, "MAX_HEADERS", 100)
    monkeypatch.setattr(tarballs, "MAX_STREAM_BYTES", 4096)
    (tmp_path / "headers.tgz").unlink()
    make_tar(tmp_path / "stream.tgz", {f"d/f{i}.txt": b"y" * 1000 for i in range(8)})
    result = scan(tmp_path)
    assert "more than 4096 bytes uncompressed" in note_for(result, "stream.tgz", "limit").reason
    assert 0 < len(result.files) < 8


def test_names_that_leave_the_archive_are_not_read(tmp_path: Path) -> None:
    make_tar(
        tmp_path / "upload.tgz",
        {
            "../../home/dev/.aws/credentials": b"aws_secret_access_key = abc\n",
            "/etc/botaudit.env": b"API_KEY=abc\n",
            "ok/../../escape.env": b"API_KEY=abc\n",
            "ok/readme.md": b"nothing here\n",
        },
    )
    result = scan(tmp_path)
    unsafe = [s for s in notes(result) if s.category == "unsafe_path"]
    assert len(unsafe) == 3 and all(s.source == "upload.tgz" for s in unsafe)
    assert any("'../../home/dev/.aws/credentials'" in s.reason for s in unsafe)
    assert [f.path for f in result.files] == ["upload.tgz!/ok/readme.md"]


def test_links_devices_fifos_and_duplicates_are_coverage(tmp_path: Path) -> None:
    path = tmp_path / "rootfs.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        add_special(archive, "etc/current", tarfile.SYMTYPE, "/etc/passwd")
        add_special(archive, "etc/hard", tarfile.LNKTYPE, "etc/app.env")
        add_special(archive, "dev/null", tarfile.CHRTYPE)
        add_special(archive, "run/pipe", tarfile.FIFOTYPE)
        for body in (b"MODE=prod\n", b"MODE=dev\n"):
            info = tarfile.TarInfo("etc/app.env")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
        for name, body in (("node_modules/x/index.js", b"1\n"), ("lib/a.pyc", b"\x00" * 8)):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    result = scan(tmp_path)
    assert "symlink member" in note_for(result, "rootfs.tar.gz!/etc/current", "symlink").reason
    assert "hard link member" in note_for(result, "rootfs.tar.gz!/etc/hard", "symlink").reason
    assert "device member" in note_for(result, "rootfs.tar.gz!/dev/null", "special").reason
    assert "FIFO member" in note_for(result, "rootfs.tar.gz!/run/pipe", "special").reason
    assert note_for(result, "rootfs.tar.gz!/etc/app.env", "duplicate")
    assert "1 members under vendored folders" in note_for(result, "rootfs.tar.gz", "ignored").reason
    assert "(.pyc x1)" in note_for(result, "rootfs.tar.gz", "binary").reason
    assert [f.path for f in result.files] == ["rootfs.tar.gz!/etc/app.env"]


def test_an_archive_inside_a_tar_is_not_opened(tmp_path: Path) -> None:
    inner = gzip.compress(env_file("nested"))
    make_tar(tmp_path / "release.tgz", {"vendor/chart.tgz": inner, "cfg.env.gz": inner, "notes.txt": b"v1\n"})
    (tmp_path / "twice.env.gz.gz").write_bytes(gzip.compress(inner))
    result = scan(tmp_path)
    for source in (
        "release.tgz!/vendor/chart.tgz",
        "release.tgz!/cfg.env.gz",
        "twice.env.gz.gz!/twice.env.gz",
    ):
        assert "archive inside an archive" in note_for(result, source, "nested_archive").reason
    assert not secrets(result)


# -- damage -----------------------------------------------------------------------------------------------


def test_a_truncated_tar_gz_keeps_what_came_before_the_damage(tmp_path: Path) -> None:
    noise = hashlib.sha256(b"noise").digest() * 4096  # incompressible: the cut lands inside it
    source = make_tar(
        tmp_path / "src" / "release.tar.gz",
        {"a/.env": env_file("before-the-cut"), "b/blob.txt": noise, "c/.env": env_file("after-the-cut")},
    )
    raw = source.read_bytes()
    (tmp_path / "scan").mkdir()
    (tmp_path / "scan" / "release.tar.gz").write_bytes(raw[: len(raw) // 2])
    result = scan(tmp_path / "scan")
    assert secrets(result) == {("release.tar.gz!/a/.env", 2)}  # before the damage: still scanned
    damage = note_for(result, "release.tar.gz", "parse_error")
    assert "corrupt or truncated after 1 members" in damage.reason
    assert "corrupt member" in note_for(result, "release.tar.gz!/b/blob.txt", "parse_error").reason
    assert not result.coverage.complete


def test_a_plain_tar_cut_short_or_with_garbage_says_so(tmp_path: Path) -> None:
    source = make_tar(tmp_path / "src" / "x.tar", {"one.env": env_file("one"), "two.env": b"B=2\n"}, "w")
    raw = source.read_bytes()
    (tmp_path / "scan").mkdir()
    (tmp_path / "scan" / "cut.tar").write_bytes(raw[:1024])  # the first member, then nothing
    garbage = bytearray(raw)
    garbage[1024:1536] = b"\x7f" * 512  # the second header
    (tmp_path / "scan" / "garbage.tar").write_bytes(bytes(garbage))
    (tmp_path / "scan" / "broken").mkdir()
    (tmp_path / "scan" / "broken" / "empty.tgz").write_bytes(b"")
    (tmp_path / "scan" / "broken" / "broken.tar.gz").write_bytes(b"\x1f\x8b" + os.urandom(64))
    result = scan(tmp_path / "scan")
    assert secrets(result) == {("cut.tar!/one.env", 2), ("garbage.tar!/one.env", 2)}
    assert "without its end-of-archive marker" in note_for(result, "cut.tar", "parse_error").reason
    assert "unreadable header" in note_for(result, "garbage.tar", "parse_error").reason
    assert "no member examined" in note_for(result, "broken/empty.tgz", "parse_error").reason
    assert note_for(result, "broken/broken.tar.gz", "parse_error")
    broken = str(tmp_path / "scan" / "broken")
    done = CliRunner().invoke(app, ["scan", broken, "--no-progress", "--format", "json", "--strict"])
    assert "Traceback" not in done.output
    assert done.exit_code == 3, done.output  # --strict: something was not examined


def test_a_bad_checksum_at_the_stream_s_end_is_reported(tmp_path: Path) -> None:
    source = make_tar(tmp_path / "src" / "a.tgz", {"a.env": b"A=1\n"})
    raw = bytearray(source.read_bytes())
    raw[-8] ^= 0xFF  # the gzip trailer's CRC
    (tmp_path / "scan").mkdir()
    (tmp_path / "scan" / "a.tgz").write_bytes(bytes(raw))
    result = scan(tmp_path / "scan")
    assert "damaged after the archive's end" in note_for(result, "a.tgz", "parse_error").reason


def test_damaged_archives_never_raise(tmp_path: Path) -> None:
    """Compressed and plain tars with bytes flipped anywhere and cut short: every one is listed and read
    without an exception; what cannot be read is coverage."""
    import random

    rng = random.Random(4711)
    detectors = DetectorSet.load()
    members = {
        "chart/values.yaml": b"replicaCount: 2\n" * 30,
        "chart/.env": b"LOG=debug\n",
        "x.txt": b"x\n" * 50,
    }
    originals = []
    for name, mode in (("a.tgz", "w:gz"), ("a.tar.bz2", "w:bz2"), ("a.tar.xz", "w:xz"), ("a.tar", "w")):
        originals.append((name, make_tar(tmp_path / "src" / name, members, mode).read_bytes()))
    originals.append(("a.env.gz", gzip.compress(b"A=1\n" * 100)))
    read = 0
    for i in range(60):
        name, original = originals[i % len(originals)]
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if i % 3 == 0:
            damaged = damaged[: rng.randrange(len(damaged))]
        folder = tmp_path / f"case{i}"
        folder.mkdir()
        (folder / name).write_bytes(bytes(damaged))
        files, skipped = walk([folder])
        for entry in files:
            assert isinstance(entry, archives.MemberEntry)
            scanned = scan_file(entry, detectors, fingerprint_key="k")
            assert all(s.category != "error" for s in scanned.skipped), scanned.skipped
            read += not scanned.skipped
        assert files or skipped, i
    archives.close_cached()
    assert read


# -- the read path, the pool ------------------------------------------------------------------------------


def test_a_member_is_read_from_the_archive_discovery_saw(tmp_path: Path) -> None:
    target = make_tar(tmp_path / "a.tgz", {"x.env": b"TOKEN_NAME=plain\n"})
    files, _ = walk([tmp_path])
    (entry,) = files
    assert isinstance(entry, archives.MemberEntry) and split_member(entry.rel) == ("a.tgz", "x.env")
    detectors = DetectorSet.load()
    assert not scan_file(entry, detectors, fingerprint_key="k").skipped
    archives.close_cached()
    make_tar(tmp_path / "next.tgz", {"y.env": b"TOKEN_NAME=other\n"})
    os.replace(tmp_path / "next.tgz", target)
    (skip,) = scan_file(entry, detectors, fingerprint_key="k").skipped
    assert skip.category == "changed" and skip.source == "a.tgz!/x.env"
    archives.close_cached()


def test_an_archive_is_decompressed_once_when_its_members_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linear time: reading every member opens one decompressing stream, not one per member."""
    make_tar(
        tmp_path / "cfg.tar.xz", {f"svc/s{i}.env": f"REGION=eu-{i}\n".encode() for i in range(40)}, "w:xz"
    )
    files, _ = walk([tmp_path])
    assert len(files) == 40
    opened: list[str] = []
    real = tarballs._decompressing
    monkeypatch.setattr(tarballs, "_decompressing", lambda h, c: opened.append(c or "") or real(h, c))
    detectors = DetectorSet.load()
    assert all(not scan_file(e, detectors, fingerprint_key="k").skipped for e in files)
    archives.close_cached()
    assert opened == ["xz"]


def test_batches_never_split_a_compressed_tar(tmp_path: Path) -> None:
    make_tar(tmp_path / "a.tgz", {f"m{i}.txt": b"z" * 3000 for i in range(300)})
    make_tar(tmp_path / "b.tar", {f"m{i}.txt": b"z" * 3000 for i in range(300)}, "w")
    for i in range(300):
        (tmp_path / f"plain{i}.txt").write_text("p\n")
    files, _ = walk([tmp_path])
    cut = list(pool.stream_batches(files, 64 * 1024))
    holding = [{e.path for e in batch if getattr(e, "sequential", False)} for batch in cut]
    assert sum(1 for paths in holding if paths) == 1  # the .tgz's 300 members: one batch
    assert sum(len(b) for b in cut) == len(files)
    plain_tar = [b for b in cut if any(e.rel.startswith("b.tar!/") for e in b)]
    assert len(plain_tar) > 1  # a plain tar seeks: its members spread like a zip's


def test_members_scanned_by_the_worker_pool_match_a_scan_in_one_process(tmp_path: Path) -> None:
    assert pool.MIN_PARALLEL_FILES < 150
    members = {f"cfg/service{i}.env": f"REGION=eu-{i}\n".encode() for i in range(150)}
    members["cfg/service77.env"] = env_file("pool")
    make_tar(tmp_path / "configs.tgz", members)
    make_tar(tmp_path / "more.tar.bz2", {f"x/{i}.env": f"N={i}\n".encode() for i in range(80)}, "w:bz2")
    (tmp_path / "one.env.gz").write_bytes(gzip.compress(env_file("pool-gz")))
    one = run(ScanOptions(paths=(tmp_path,), jobs=1))
    two = run(ScanOptions(paths=(tmp_path,), jobs=2))
    assert [f.path for f in one.files] == [f.path for f in two.files]
    assert len(one.files) == 231
    assert secrets(one) == secrets(two) == {("configs.tgz!/cfg/service77.env", 2), ("one.env.gz!/one.env", 2)}
    assert [f.fingerprint for f in one.findings] == [f.fingerprint for f in two.findings]
    assert not [s for s in notes(two) if s.source.startswith(("configs.tgz", "more.tar.bz2", "one.env.gz"))]


def test_the_cli_with_a_process_pool_finds_the_member_secret(tmp_path: Path) -> None:
    token = fake_slack("cli-pool")
    members = {
        f"charts/app/templates/cm{i}.yaml": f"kind: ConfigMap\nname: cm{i}\n".encode() for i in range(100)
    }
    members["charts/app/secrets.env"] = f"SLACK_BOT_TOKEN={token}\n".encode()
    make_tar(tmp_path / "chart.tgz", members)
    done = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--no-progress", "--format", "json", "--jobs", "2"]
    )
    assert done.exit_code == 1, done.output
    assert token not in done.output
    report = json.loads(done.output[done.output.find("{") :])
    located = {(f["location"]["path"], f["location"]["line"]) for f in report["findings"] if f["location"]}
    assert ("chart.tgz!/charts/app/secrets.env", 1) in located


# -- ignore rules, git ------------------------------------------------------------------------------------


def test_ignore_rules_apply_to_tar_members(tmp_path: Path) -> None:
    make_tar(
        tmp_path / "dist" / "release.tar.gz",
        {"config/.env": env_file("live"), "tests/fixture.env": env_file("fixture")},
    )
    (tmp_path / ".botauditignore").write_text("tests/\n")
    result = scan(tmp_path)
    assert secrets(result) == {("dist/release.tar.gz!/config/.env", 2)}
    assert "excluded 1 file " in note_for(result, ".botauditignore", "ignored").reason


def test_a_tarball_in_history_is_a_coverage_note_as_a_zip_is(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    make_tar(repo / "charts" / "old-0.1.0.tgz", {"old/.env": env_file("history")})
    (repo / "old.env.gz").write_bytes(gzip.compress(env_file("history-gz")))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "chart")
    git(repo, "rm", "-q", "charts/old-0.1.0.tgz", "old.env.gz")
    git(repo, "commit", "-qm", "drop chart")
    result = scan(repo, history=True)
    for name in ("charts/old-0.1.0.tgz", "old.env.gz"):
        (note,) = [s for s in notes(result) if s.source.startswith(name + "@")]
        assert note.category == "history" and "archive in git history" in note.reason


def test_a_name_that_is_not_utf8_is_reported_readably(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "legacy.tar", "w", format=tarfile.GNU_FORMAT, encoding="latin-1") as archive:
        body = env_file("latin")
        info = tarfile.TarInfo("conf\xe9.env")  # one byte 0xe9 in the header: not UTF-8
        info.size = len(body)
        archive.addfile(info, io.BytesIO(body))
    result = scan(tmp_path)
    assert secrets(result) == {("legacy.tar!/conf\ufffd.env", 2)}
    done = CliRunner().invoke(app, ["scan", str(tmp_path), "--no-progress", "--format", "json"])
    assert done.exit_code == 1 and "Traceback" not in done.output


def test_a_compressed_file_s_member_can_be_read_twice(tmp_path: Path) -> None:
    (tmp_path / "a.env.xz").write_bytes(lzma.compress(b"A=1\n"))
    files, _ = walk([tmp_path])
    (entry,) = files
    detectors = DetectorSet.load()
    first = scan_file(entry, detectors, fingerprint_key="k")
    again = scan_file(entry, detectors, fingerprint_key="k")  # the same stream, kept open
    archives.close_cached()
    assert not first.skipped and not again.skipped and again.size == 4
