"""The gate through the real CLI: exit codes (DESIGN.md section 7), baselines, suppressions, inline allows."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import socket
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from auditor.config import load_config
from auditor.extract.validators import base62_crc32

REPO = Path(__file__).resolve().parent.parent
SAMPLE_BOT = REPO / "sample_configs" / "salesops-slackbot"
TODAY = date.today()


def fake_pat(seed: str) -> str:
    # Built in code: no token-shaped string is stored in the repository.
    # 30 random characters and their base62 CRC-32, as GitHub issues them: a token failing its own
    # checksum is low confidence and would not gate.
    entropy = hashlib.sha256(seed.encode()).hexdigest()[:30]
    return "ghp_" + entropy + base62_crc32(entropy)


def botaudit(*args: str, env: dict[str, str] | None = None) -> Result:
    from auditor.cli import app

    return CliRunner().invoke(app, [*args], env=env)


def scan_json(tmp_path: Path, *args: str, name: str = "report.json") -> tuple[Result, dict[str, Any]]:
    """`botaudit scan ARGS --format json --output FILE`; the exit code and the parsed report."""
    out = tmp_path / name
    result = botaudit("scan", *args, "--no-progress", "--format", "json", "--output", str(out))
    assert out.is_file(), result.output
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result, report


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def clean_tree(root: Path) -> Path:
    write(root / "bot" / "app.py", 'import os\nTOKEN = os.environ["GITHUB_TOKEN"]\n')
    write(root / "bot" / "config.yaml", "name: bot\nmodel: gpt-4o\n")
    return root


def high_only_tree(root: Path) -> Path:
    """A committed PAT: one high finding (BA-101), nothing critical."""
    write(root / "bot" / ".env", f"GITHUB_TOKEN={fake_pat('high-only')}\nLOG_LEVEL=info\n")
    return root


def _gating(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["gating"]]


# --- exit codes -------------------------------------------------------------------------------------------


def test_clean_tree_exits_0(tmp_path: Path) -> None:
    result, report = scan_json(tmp_path, str(clean_tree(tmp_path / "tree")))
    assert result.exit_code == 0, result.output
    assert report["findings"] == []


def test_gate_failure_exits_1_and_fail_on_picks_the_threshold(tmp_path: Path) -> None:
    tree = str(high_only_tree(tmp_path / "tree"))
    result, report = scan_json(tmp_path, tree)
    assert {f["severity"] for f in report["findings"]} == {"high"}
    assert result.exit_code == 1
    assert botaudit("scan", tree, "-q", "--fail-on", "high").exit_code == 1
    assert botaudit("scan", tree, "-q", "--fail-on", "critical").exit_code == 0
    assert botaudit("scan", tree, "-q", "--fail-on", "none").exit_code == 0
    assert botaudit("scan", tree, "-q", "--fail-on", "medium").exit_code == 1


def test_the_exit_code_does_not_depend_on_the_format(tmp_path: Path) -> None:
    tree = str(high_only_tree(tmp_path / "tree"))
    for fmt in ("table", "json", "sarif", "html", "markdown"):
        result = botaudit("scan", tree, "--format", fmt, "--output", str(tmp_path / f"r.{fmt}"))
        assert result.exit_code == 1, fmt


def test_unknown_config_key_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    tree = clean_tree(tmp_path / "tree")
    write(tree / "botaudit.yaml", "version: 1\nagents: []\nfail_fast: true\n")
    result = botaudit("scan", str(tree), "--no-progress")
    assert result.exit_code == 2
    assert f"{tree / 'botaudit.yaml'}:3" in result.stderr
    assert "fail_fast" in result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_unknown_config_key_as_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    tree = clean_tree(tmp_path / "tree")
    write(tree / "botaudit.yaml", "version: 1\nsuppressions:\n  - rule: BA-101\n    reson: typo\n")
    proc = subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "auditor.cli", "scan", str(tree), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{tree / 'botaudit.yaml'}:" in proc.stderr and "reson" in proc.stderr
    assert proc.stdout == ""


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    tree = str(clean_tree(tmp_path / "tree"))
    cases = {
        "no such file or folder": ["scan", str(tmp_path / "missing")],
        "--now": ["scan", tree, "--now", "next tuesday"],
        "unknown platform": ["scan", tree, "--connect", "mainframe"],
        "--baseline": ["scan", tree, "--baseline", str(tmp_path / "none.json")],
        "config file not found": ["scan", tree, "--config", str(tmp_path / "none.yaml")],
    }
    for expected, args in cases.items():
        result = botaudit(*args)
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.stderr, (args, result.stderr)
        assert isinstance(result.exception, SystemExit), args


def _closed_port() -> int:
    # A port the OS just handed out and that nothing listens on any more.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_platform_exits_3_and_says_so(tmp_path: Path) -> None:
    tree = str(clean_tree(tmp_path / "tree"))
    out = tmp_path / "r.json"
    env = {"VAULT_ADDR": f"http://127.0.0.1:{_closed_port()}", "VAULT_TOKEN": "not-a-real-token"}
    result = botaudit(
        "scan", tree, "--connect", "vault", "--no-progress", "--format", "json", "--output", str(out), env=env
    )
    assert result.exit_code == 3, result.output
    coverage = json.loads(out.read_text(encoding="utf-8"))["coverage"]
    assert coverage["platforms_requested"] == ["vault"]
    assert coverage["platforms_collected"] == []
    assert coverage["complete"] is False
    vault = [s for s in coverage["skipped"] if s["source"] == "vault" and s["category"] == "platform"]
    assert len(vault) == 1 and "127.0.0.1" in vault[0]["reason"]
    assert "not-a-real-token" not in out.read_text(encoding="utf-8") + result.output


def test_gate_failure_wins_over_an_unreachable_platform(tmp_path: Path) -> None:
    tree = str(high_only_tree(tmp_path / "tree"))
    env = {"VAULT_ADDR": f"http://127.0.0.1:{_closed_port()}", "VAULT_TOKEN": "not-a-real-token"}
    assert botaudit("scan", tree, "--connect", "vault", "-q", env=env).exit_code == 1
    assert botaudit("scan", tree, "--connect", "vault", "-q", "--fail-on", "none", env=env).exit_code == 3


def test_an_unreadable_snapshot_is_incomplete_not_a_pass(tmp_path: Path) -> None:
    tree = str(clean_tree(tmp_path / "tree"))
    broken = write(tmp_path / "aws.json", '{"schema_version": 1, "platform": "aws"\n')
    result, report = scan_json(tmp_path, tree, "--snapshot", str(broken))
    assert result.exit_code == 3, result.output
    assert "snapshot not loaded" in result.stderr and "not valid JSON" in result.stderr
    coverage = report["coverage"]
    assert str(broken) in coverage["platforms_requested"] and coverage["platforms_collected"] == []
    assert [s["category"] for s in coverage["skipped"] if s["source"] == str(broken)] == ["snapshot"]
    # The findings gate first, as for a platform that could not be collected live.
    write(tmp_path / "tree" / "bot" / ".env", f"GITHUB_TOKEN={fake_pat('snap')}\n")
    assert botaudit("scan", tree, "-q", "--snapshot", str(broken)).exit_code == 1


def test_strict_turns_a_skipped_file_into_exit_3(tmp_path: Path) -> None:
    tree = clean_tree(tmp_path / "tree")
    (tree / "bot" / "blob.yaml").write_bytes(b"\x00\x01\x02\xffbinary\x00" * 64)
    result, report = scan_json(tmp_path, str(tree))
    assert result.exit_code == 0
    assert [
        (s["source"], s["category"])
        for s in report["coverage"]["skipped"]
        if s["source"].endswith("blob.yaml")
    ] == [("bot/blob.yaml", "binary")]
    assert botaudit("scan", str(tree), "-q", "--strict").exit_code == 3
    # Out-of-scope platforms (nothing connected) are deliberate, not gaps: strict passes a clean tree.
    (tree / "bot" / "blob.yaml").unlink()
    assert botaudit("scan", str(tree), "-q", "--strict").exit_code == 0


# --- baselines (issue 6 "Done when") -----------------------------------------------------------------------


def _copy_bot(tmp_path: Path) -> Path:
    tree = tmp_path / "salesops-slackbot"
    shutil.copytree(SAMPLE_BOT, tree)
    return tree


def _prepend_blank_lines(path: Path, count: int = 3) -> None:
    path.write_text("\n" * count + path.read_text(encoding="utf-8"), encoding="utf-8")


def _tree_values(tree: Path) -> list[str]:
    """The credential values of the copied .env (everything after `=` that is long enough to be one)."""
    values = []
    for line in (tree / ".env").read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.startswith("#") and len(value) >= 12 and not value.startswith(("/", "http")):
            values.append(value)
    return values


def test_baseline_today_passes_tomorrow_and_a_new_key_fails(tmp_path: Path) -> None:
    tree = _copy_bot(tmp_path)
    baseline = tree / ".botaudit-baseline.json"
    created = botaudit("baseline", "create", "--output", str(baseline), str(tree))
    assert created.exit_code == 0, created.output
    _, today = scan_json(tmp_path, str(tree), name="today.json")
    assert len(today["findings"]) >= 4 and _gating(today)

    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    for path in (tree / ".env", tree / "manifest.yaml", tree / "app.py"):
        _prepend_blank_lines(path)
    result, report = scan_json(tmp_path, str(tree), "--baseline", str(baseline), "--now", tomorrow)
    assert result.exit_code == 0, result.output
    assert [f["line"] for f in (x["location"] for x in report["findings"]) if f] != [
        f["line"] for f in (x["location"] for x in today["findings"]) if f
    ], "lines were meant to move"
    assert all(f["baseline"] and not f["gating"] for f in report["findings"])
    assert report["summary"]["baselined"] == len(report["findings"])

    new_pat = fake_pat("planted-after-baseline")
    with (tree / ".env").open("a", encoding="utf-8") as env:
        env.write(f"GITHUB_TOKEN={new_pat}\n")
    result, report = scan_json(tmp_path, str(tree), "--baseline", str(baseline), "--now", tomorrow)
    assert result.exit_code == 1
    # Only the new key gates (a PAT on a shared bot is both BA-101 and BA-104); the known ones stay baselined.
    gating = _gating(report)
    assert {f["location"]["key"] for f in gating} == {"GITHUB_TOKEN"}
    assert "BA-101" in {f["rule_id"] for f in gating}
    assert len(report["findings"]) == len(today["findings"]) + len(gating)
    assert sum(f["baseline"] for f in report["findings"]) == len(today["findings"])


def test_baseline_update_adds_new_and_drops_fixed(tmp_path: Path) -> None:
    tree = _copy_bot(tmp_path)
    baseline = tmp_path / "baseline.json"
    assert botaudit("baseline", "create", "-o", str(baseline), str(tree)).exit_code == 0
    before = json.loads(baseline.read_text(encoding="utf-8"))

    env = tree / ".env"
    lines = env.read_text(encoding="utf-8").splitlines()
    env.write_text(
        "\n".join(line for line in lines if not line.startswith("SF_SECURITY_TOKEN="))
        + f"\nGITHUB_TOKEN={fake_pat('update')}\n",
        encoding="utf-8",
    )
    _, report = scan_json(tmp_path, str(tree), "--baseline", str(baseline))
    new = {f["fingerprint"] for f in _gating(report)}
    assert new and {f["location"]["key"] for f in _gating(report)} == {"GITHUB_TOKEN"}
    current = {f["fingerprint"] for f in report["findings"]}
    fixed = {e["fingerprint"] for e in before["findings"]} - current
    assert len(fixed) == 1

    updated = botaudit("baseline", "update", "-o", str(baseline), str(tree))
    assert updated.exit_code == 0, updated.output
    after = json.loads(baseline.read_text(encoding="utf-8"))
    assert {e["fingerprint"] for e in after["findings"]} == current
    assert new <= {e["fingerprint"] for e in after["findings"]}
    assert not fixed & {e["fingerprint"] for e in after["findings"]}
    result = botaudit("scan", str(tree), "-q", "--baseline", str(baseline))
    assert result.exit_code == 0


def test_baseline_file_has_no_secret_line_or_timestamp_and_is_sorted(tmp_path: Path) -> None:
    tree = _copy_bot(tmp_path)
    baseline = tmp_path / ".botaudit-baseline.json"
    assert botaudit("baseline", "create", "--output", str(baseline), str(tree)).exit_code == 0
    text = baseline.read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) == {"schema_version", "tool", "findings"}
    entries = data["findings"]
    assert len(entries) >= 4
    assert entries == sorted(entries, key=lambda e: e["fingerprint"])
    assert all(set(e) <= {"fingerprint", "rule_id", "path", "identity"} for e in entries)
    assert not re.search(r'"line"|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}', text)
    values = _tree_values(tree)
    assert len(values) >= 3
    for value in values:
        assert value not in text and value[:8] not in text
    # Recreating it from an unchanged tree changes nothing, even after lines moved.
    _prepend_blank_lines(tree / ".env")
    assert botaudit("baseline", "create", "--output", str(baseline), str(tree)).exit_code == 0
    assert baseline.read_text(encoding="utf-8") == text


# --- suppressions ------------------------------------------------------------------------------------------


def _suppressed_tree(root: Path, expires: date) -> Path:
    write(root / "bot" / ".env", f"GITHUB_TOKEN={fake_pat('suppressed')}\n")
    write(
        root / "botaudit.yaml",
        "version: 1\n"
        "suppressions:\n"
        "  - rule: BA-101\n"
        '    path: "bot/.env"\n'
        "    reason: Token revoked, repository being archived (SEC-42)\n"
        f"    expires: {expires.isoformat()}\n",
    )
    load_config(root / "botaudit.yaml")  # the file itself is valid
    return root


def test_suppression_until_a_future_date_suppresses(tmp_path: Path) -> None:
    tree = _suppressed_tree(tmp_path / "tree", TODAY + timedelta(days=30))
    result, report = scan_json(tmp_path, str(tree))
    assert result.exit_code == 0, result.output
    (finding,) = report["findings"]
    assert finding["suppressed"] is True and finding["gating"] is False
    assert finding["suppression"]["reason"].startswith("Token revoked")
    assert finding["suppression"]["expires"] == (TODAY + timedelta(days=30)).isoformat()
    assert report["summary"]["suppressed"] == 1
    assert "expired" not in result.stderr


def test_expired_suppression_resurfaces_with_a_warning(tmp_path: Path) -> None:
    tree = _suppressed_tree(tmp_path / "tree", TODAY - timedelta(days=1))
    result, report = scan_json(tmp_path, str(tree))
    assert result.exit_code == 1
    assert re.search(
        r"warning: .*BA-101.*expired on " + (TODAY - timedelta(days=1)).isoformat(), result.stderr
    )
    assert "botaudit.yaml line 3" in result.stderr
    (finding,) = report["findings"]
    assert finding["gating"] is True and finding["suppressed"] is False
    assert finding["suppression"]["expired"] is True


def test_a_suppression_expires_as_the_clock_moves(tmp_path: Path) -> None:
    expires = TODAY + timedelta(days=10)
    tree = str(_suppressed_tree(tmp_path / "tree", expires))
    assert botaudit("scan", tree, "-q", "--now", expires.isoformat()).exit_code == 0
    late = botaudit("scan", tree, "--no-progress", "--now", (expires + timedelta(days=1)).isoformat())
    assert late.exit_code == 1
    assert "expired" in late.stderr


def test_quiet_still_gates_on_an_expired_suppression(tmp_path: Path) -> None:
    tree = str(_suppressed_tree(tmp_path / "tree", TODAY - timedelta(days=1)))
    result = botaudit("scan", tree, "--quiet")
    assert result.exit_code == 1
    # Quiet drops the summary, not the warning that explains why the gate failed again.
    assert "expired" in result.stderr


def test_a_repository_s_gitleaks_allow_markers_are_kept(tmp_path: Path) -> None:
    # A team moving from gitleaks: its reviewed fixtures stay reviewed; botaudit.yaml can turn that off.
    tokens = [fake_pat(f"peer-{i}") for i in range(2)]
    write(
        tmp_path / "tree" / "bot" / ".env",
        f"TOKEN_A={tokens[0]}  # gitleaks:allow\n"  # line 1: suppressed
        f"TOKEN_B={tokens[1]}\n",  # line 2: gitleaks:allow covers only its own line
    )
    result, report = scan_json(tmp_path, str(tmp_path / "tree"))
    by_key = {f["location"]["key"]: f for f in report["findings"] if f["rule_id"] == "BA-101"}
    assert {k for k, f in by_key.items() if f["suppressed"]} == {"TOKEN_A"}
    assert "gitleaks:allow on line 1" in by_key["TOKEN_A"]["suppression"]["reason"]
    assert result.exit_code == 1 and len(_gating(report)) == 1
    write(tmp_path / "tree" / "botaudit.yaml", "scan:\n  peer_allow_markers: false\n")
    _, report = scan_json(tmp_path, str(tmp_path / "tree"))
    assert not any(f["suppressed"] for f in report["findings"] if f["rule_id"] == "BA-101")


def test_inline_allow_covers_its_line_and_the_next_only(tmp_path: Path) -> None:
    tokens = [fake_pat(f"inline-{i}") for i in range(4)]
    write(
        tmp_path / "tree" / "bot" / ".env",
        "# botaudit:allow reviewed: revoked test token\n"  # line 1
        f"TOKEN_A={tokens[0]}\n"  # line 2: covered by line 1
        f"TOKEN_B={tokens[1]}\n"  # line 3: not covered
        "\n"  # line 4
        f"TOKEN_C={tokens[2]}  # botaudit:allow\n"  # line 5: its own line
        "\n"  # line 6
        f"TOKEN_D={tokens[3]}\n",  # line 7: not covered
    )
    result, report = scan_json(tmp_path, str(tmp_path / "tree"))
    by_key = {f["location"]["key"]: f for f in report["findings"] if f["rule_id"] == "BA-101"}
    assert set(by_key) == {"TOKEN_A", "TOKEN_B", "TOKEN_C", "TOKEN_D"}
    assert {k for k, f in by_key.items() if f["suppressed"]} == {"TOKEN_A", "TOKEN_C"}
    assert by_key["TOKEN_A"]["suppression"]["kind"] == "inline"
    assert result.exit_code == 1
    assert len(_gating(report)) == 2
