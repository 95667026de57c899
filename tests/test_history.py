"""`scan --history`: secrets removed from the files are found in the commits that added them, once each."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.discovery.history import walk_history
from auditor.scan import ScanOptions, run


def fake_pat(seed: str) -> str:
    return "ghp_" + hashlib.sha256(seed.encode()).hexdigest()[:36]


def fake_slack(seed: str) -> str:
    digits = str(int(hashlib.sha256(seed.encode()).hexdigest()[:15], 16)).rjust(20, "7")
    return f"xoxb-{digits[:10]}-{digits[10:20]}111-" + hashlib.sha256(seed.encode()).hexdigest()[:24]


class Repo:
    """A real git repository built with the git command line, commits dated one day apart."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        self.day = 0
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        stamp = f"2024-03-{1 + self.day:02d}T10:00:00+00:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Dev",
            "GIT_AUTHOR_EMAIL": "dev@acme-demo.com",
            "GIT_COMMITTER_NAME": "Dev",
            "GIT_COMMITTER_EMAIL": "dev@acme-demo.com",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True
        )
        return done.stdout.strip()

    def commit(self, message: str, **files: str | None) -> str:
        for name, body in files.items():
            path = self.root / name.replace("__", "/")
            if body is None:
                self.git("rm", "-q", str(path.relative_to(self.root)))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            self.git("add", str(path.relative_to(self.root)))
        self.git("commit", "-q", "--allow-empty", "-m", message)
        self.day += 1
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "salesops-bot")


def test_removed_secret_is_reported_at_the_commit_that_added_it(repo: Repo) -> None:
    leaked = fake_pat("history-leaked")
    added = repo.commit("mcp config", **{"config__mcp.json": _mcp(leaked)})
    # Every later edit makes a new blob that still holds the token: reported once, at the first commit.
    repo.commit("rename server", **{"config__mcp.json": _mcp(leaked).replace("github", "gh")})
    repo.commit("use env var", **{"config__mcp.json": _mcp("${GITHUB_TOKEN}")})
    result = run(ScanOptions(paths=(repo.root,), history=True))
    hits = [f for f in result.findings if f.rule_id == "BA-113"]
    assert len(hits) == 1, [f.message for f in hits]
    (hit,) = hits
    assert hit.location is not None
    assert (hit.location.path, hit.location.line, hit.location.commit) == ("config/mcp.json", 6, added)
    assert "2024-03-01" in hit.message and added[:12] in hit.message
    assert not [f for f in result.findings if f.rule_id == "BA-101"]  # nothing left in the files
    assert result.coverage.history_commits == 3
    assert result.coverage.history_blobs == 3


def test_a_history_finding_says_why_it_is_less_sure(repo: Repo) -> None:
    # A Firebase web config's key, removed since: reported low, and the finding says it is public by design
    # (as BA-101 does for a key still in the files).
    key = "AIzaSyQ3v9Lm2Tq8Xw4Rk7Hn1Bp6Cz5Yd0Ej2Gf"
    web = (
        f'const firebaseConfig = {{\n  apiKey: "{key}",\n  authDomain: "helpdesk-4821.firebaseapp.com",\n'
        '  messagingSenderId: "748120093311",\n};\n'
    )
    repo.commit("web config", **{"web__firebase.js": web})
    repo.commit("config from env", **{"web__firebase.js": "export const firebaseConfig = loadConfig();\n"})
    result = run(ScanOptions(paths=(repo.root,), history=True))
    (hit,) = [f for f in result.findings if f.rule_id == "BA-113"]
    assert hit.severity.value == "low"
    assert "medium confidence: a Firebase app config key: public by design" in hit.message


def test_secret_still_in_the_tree_is_not_repeated_from_history(repo: Repo) -> None:
    token = fake_pat("still-there")
    repo.commit("add", **{".env": f"GITHUB_TOKEN={token}\n"})
    repo.commit("comment", **{".env": f"# bot token\nGITHUB_TOKEN={token}\n"})
    result = run(ScanOptions(paths=(repo.root,), history=True))
    assert [f.rule_id for f in result.findings if f.kind == "github_pat"] == ["BA-101"]


def test_every_ref_is_walked_and_history_stays_off_by_default(repo: Repo) -> None:
    repo.commit("init", **{"README.md": "bot\n"})
    repo.git("checkout", "-q", "-b", "experiment")
    token = fake_slack("branch-only")
    repo.commit("try slack", **{"bot__.env": f"SLACK_BOT_TOKEN={token}\n"})
    repo.git("checkout", "-q", "main")
    assert not (repo.root / "bot" / ".env").exists()
    without = run(ScanOptions(paths=(repo.root,)))
    assert not [f for f in without.findings if f.rule_id == "BA-113"]
    assert without.coverage.history_commits is None
    with_history = run(ScanOptions(paths=(repo.root,), history=True))
    assert [f.location.path for f in with_history.findings if f.rule_id == "BA-113" and f.location] == [
        "bot/.env"
    ]


def test_scan_root_below_the_repository_sees_only_its_own_paths(repo: Repo) -> None:
    repo.commit(
        "two bots",
        **{
            "bots__a__.env": f"GITHUB_TOKEN={fake_pat('a')}\n",
            "bots__a__README.md": "bot a\n",
            "bots__b__.env": f"GITHUB_TOKEN={fake_pat('b')}\n",
        },
    )
    repo.commit("drop both", **{"bots__a__.env": None, "bots__b__.env": None})
    result = run(ScanOptions(paths=(repo.root / "bots" / "a",), history=True))
    hits = [f for f in result.findings if f.rule_id == "BA-113"]
    assert [(f.location.path if f.location else None) for f in hits] == [".env"]


def test_not_a_repository_is_coverage_not_silence(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    walked = walk_history([tmp_path / "plain"], [""])
    assert [s.category for s in walked.skipped] == ["history"]
    assert "not inside a git repository" in walked.skipped[0].reason
    result = run(ScanOptions(paths=(tmp_path / "plain",), history=True))
    assert not result.coverage.complete


def test_cli_history_json_names_the_commit_and_never_the_value(repo: Repo, tmp_path: Path) -> None:
    leaked = fake_pat("cli-history")
    added = repo.commit("oops", **{".env": f"GITHUB_TOKEN={leaked}\n"})
    repo.commit("remove", **{".env": None})
    out = tmp_path / "report.json"
    runner = CliRunner()
    result = runner.invoke(
        app, ["scan", str(repo.root), "--history", "--no-progress", "--report", f"json:{out}", "-f", "table"]
    )
    assert result.exit_code == 1, result.output
    assert leaked not in result.output and leaked not in out.read_text()
    doc = json.loads(out.read_text())
    (finding,) = [f for f in doc["findings"] if f["rule_id"] == "BA-113"]
    assert finding["location"]["commit"] == added
    assert doc["coverage"]["history"] == {"commits": 2, "blobs": 1}
    assert "@" + added[:12] in result.output or added[:12] in result.output


def _mcp(token: str) -> str:
    return (
        '{\n  "mcpServers": {\n    "github": {\n      "command": "npx",\n      "env": {\n'
        f'        "GITHUB_PERSONAL_ACCESS_TOKEN": "{token}"\n      }}\n    }}\n  }}\n}}\n'
    )


# ------------------------------------------------------------------------------------- streamed history


def _busy_history(repo: Repo) -> None:
    """Enough commits and blobs for several batches: secrets come and go, one comes back in another file,
    a binary blob and a duplicate blob (same bytes in two paths) on the way."""
    for i in range(24):
        files: dict[str, str | None] = {f"svc__cfg_{i % 4}.yaml": f"retries: {i}\nregion: eu-{i}\n"}
        if i % 6 == 0:
            files[f"local__tok_{i}.env"] = f"GITHUB_TOKEN={fake_pat(f'stream-{i}')}\n"
        if i % 6 == 2:
            files[f"local__tok_{i - 2}.env"] = None
        if i == 7:
            files["moved__again.env"] = (
                f"SLACK_BOT_TOKEN={fake_slack('s')}\nGITHUB_TOKEN={fake_pat('stream-0')}\n"
            )
            files["copy__cfg.yaml"] = "retries: 0\nregion: eu-0\n"  # the same bytes as an earlier blob
        repo.commit(f"change {i}", **files)
    (repo.root / "logo.bin").write_bytes(b"\x00\x01binary\x00" * 40)
    repo.git("add", "logo.bin")
    repo.git("commit", "-q", "-m", "logo")


def _streamed(repo: Repo, jobs: int, **kwargs: object) -> list[object]:
    from auditor.discovery.history import HistoryWalk, iter_history
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.history import scan_history_blobs

    out = HistoryWalk()
    return list(
        scan_history_blobs(
            iter_history([repo.root], [""], out),
            [],
            DetectorSet.load(),
            fingerprint_key="k",
            jobs=jobs,
            **kwargs,  # type: ignore[arg-type]
        )
    )


def _collected(repo: Repo) -> list[object]:
    """The straightforward reading: every blob scanned, then `only_in_history` over the whole list."""
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.history import only_in_history, scan_blob

    detectors = DetectorSet.load()
    walked = walk_history([repo.root], [""])
    return list(only_in_history([scan_blob(b, detectors, "k") for b in walked.blobs], []))


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("busy") / "repo")
    _busy_history(repo)
    return repo


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.extract import history
    from auditor.extract.detectors import DetectorSet

    # A pool for a history this short, several batches of two, at most 2 x 1 in flight.
    monkeypatch.setattr(history, "PEEK", 4)
    monkeypatch.setattr(history, "MIN_PARALLEL_BLOBS", 2)
    monkeypatch.setattr(history, "BATCH", 2)
    monkeypatch.setattr(history, "IN_FLIGHT_PER_WORKER", 1)
    # Nor the regex gate's compile (seconds) that a history past PEEK blobs would ask for.
    monkeypatch.setattr(DetectorSet, "use_gate", lambda *args, **kwargs: False)


def test_streamed_history_matches_the_collected_reading(busy: Repo, small_batches: None) -> None:
    repo = busy
    expected = _collected(repo)
    kinds = sorted(s.kind for f in expected for s in f.secrets)  # type: ignore[attr-defined]
    assert kinds == ["github_pat"] * 4 + ["slack_bot_token"], kinds  # stream-0 once, at its first commit
    assert _streamed(repo, jobs=2) == expected
    assert _streamed(repo, jobs=1) == expected


def test_the_walk_stays_a_bounded_distance_ahead_of_the_workers(
    busy: Repo, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.discovery import history as discovery
    from auditor.extract import history

    repo = busy
    pulled = 0
    done = 0
    ahead: list[int] = []
    real_iter = discovery.iter_history
    real_collect = history._collect

    def counting_iter(*args: Any, **kwargs: Any) -> Any:
        nonlocal pulled
        for blob in real_iter(*args, **kwargs):
            pulled += 1
            ahead.append(pulled - done)
            yield blob

    def counting_collect(result: Any, *args: Any) -> None:
        nonlocal done
        done += result.get()[0]  # blobs the workers have finished
        real_collect(result, *args)

    total = len(walk_history([repo.root], [""]).blobs)
    assert total >= 30
    monkeypatch.setattr(discovery, "iter_history", counting_iter)
    monkeypatch.setattr(history, "_collect", counting_collect)
    _streamed(repo, jobs=2)
    assert pulled == total
    # PEEK + (2 workers x 1 in flight + the batch being formed) x BATCH blobs, never the whole history.
    assert max(ahead) <= 4 + (2 * 1 + 1) * 2 + 2, (max(ahead), total)


def test_workers_send_back_only_versions_that_hold_something(busy: Repo) -> None:
    from auditor.extract import history
    from auditor.extract.detectors import DetectorSet

    blobs = walk_history([busy.root], [""]).blobs[:8]  # versions with a token and versions without
    history._init_worker(DetectorSet.load(), "k", None)
    try:
        count, kept = history._scan_batch(blobs)
    finally:
        history._worker = None
    assert count == len(blobs) > len(kept) > 0
    assert all(scan.secrets or scan.skipped for scan in kept)


def test_a_worker_batch_stops_a_runaway_version_and_scans_the_rest(
    busy: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker arms the per-blob budget once for its batch (budget.batch_watchdog): a version that runs
    past it is a timeout in its commit, the others are scanned as without a budget, no timer is left on."""
    import signal
    import time

    from auditor.extract import budget, history
    from auditor.extract.detectors import DetectorSet

    blobs = walk_history([busy.root], [""]).blobs[:8]
    runaway = blobs[2]
    detectors = DetectorSet.load()
    history._init_worker(detectors, "k", None)
    try:
        _, expected = history._scan_batch(blobs[:2] + blobs[3:])
    finally:
        history._worker = None
    real = history.scan_secrets_if_any
    watched: list[bool] = []

    def spinning_third(*args: Any, **kwargs: Any) -> Any:
        watched.append(budget.watching() is not None)
        if len(watched) == 3:
            started = time.process_time()
            while time.process_time() - started < 10:  # bounded: the test fails rather than hangs
                pass
        return real(*args, **kwargs)

    monkeypatch.setattr(history, "scan_secrets_if_any", spinning_third)
    handlers = (signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF))
    history._init_worker(detectors, "k", 0.2)
    try:
        count, kept = history._scan_batch(blobs)
    finally:
        history._worker = None
        budget._worker_alarm["installed"] = False
        signal.signal(signal.SIGALRM, handlers[0])
        signal.signal(signal.SIGPROF, handlers[1])
    assert count == len(blobs) and watched == [True] * len(blobs)
    stopped = [scan for scan in kept if any(s.category == "timeout" for s in scan.skipped)]
    assert [(s.commit, s.skipped[0].source) for s in stopped] == [
        (runaway.commit, f"{runaway.rel}@{runaway.commit[:12]}")
    ]
    assert [scan for scan in kept if scan not in stopped] == expected and expected
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) == signal.getitimer(signal.ITIMER_PROF)


def test_a_pool_that_cannot_start_leaves_a_complete_history(
    busy: Repo, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing.pool

    from auditor.progress import NullProgress

    class Warned(NullProgress):
        messages: list[str] = []

        def warn(self, message: str) -> None:
            self.messages.append(message)

    def no_pool(self: multiprocessing.pool.Pool, *args: object, **kwargs: object) -> object:
        # As a real Pool that fails part-way: closed, so its __del__ has nothing to warn about.
        self._state = multiprocessing.pool.CLOSE  # type: ignore[attr-defined]
        raise OSError("no /dev/shm here")

    expected = _collected(busy)
    monkeypatch.setattr(multiprocessing.pool.Pool, "__init__", no_pool)
    sink = Warned()
    assert _streamed(busy, jobs=2, progress=sink) == expected
    assert sink.messages == ["parallel scan unavailable (OSError); scanning in one process"]


def test_libgit2_cache_is_capped_while_walking_and_restored_after(busy: Repo) -> None:
    import pygit2

    from auditor.discovery.history import WALK_CACHE_BYTES, HistoryWalk, iter_history

    before = pygit2.settings.cached_memory[1]
    assert before > WALK_CACHE_BYTES  # libgit2's own default (256 MB)
    during = [pygit2.settings.cached_memory[1] for _ in iter_history([busy.root], [""], HistoryWalk())]
    assert during and set(during) == {WALK_CACHE_BYTES}
    assert pygit2.settings.cached_memory[1] == before


def test_history_leaves_versions_over_the_size_limit_out_and_says_so(repo: Repo) -> None:
    # As on disk: a file version larger than max_file_size is not read; one coverage line counts them.
    leaked = fake_pat("history-too-large")
    big = _mcp(leaked) + "\n" + "# padding\n" * 400
    repo.commit("dump", **{"config__mcp.json": big})
    repo.commit("trim", **{"config__mcp.json": _mcp("${GITHUB_TOKEN}")})
    limited = run(ScanOptions(paths=(repo.root,), history=True, max_file_size=1024))
    assert not [f for f in limited.findings if f.rule_id == "BA-113"]
    (line,) = [s for s in limited.coverage.skipped if s.category == "too_large"]
    assert "1 file version(s) larger than 1024 bytes" in line.reason
    assert line in limited.coverage.gaps  # not examined: a gap, never silence
    full = run(ScanOptions(paths=(repo.root,), history=True))
    assert len([f for f in full.findings if f.rule_id == "BA-113"]) == 1
    assert not [s for s in full.coverage.skipped if s.category == "too_large"]
