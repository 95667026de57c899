"""The `botaudit` command line: several reports per run, usage errors, rules, init, inventory, bad input."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from auditor import __version__
from auditor.cli import FailOnChoice, FormatChoice, app, fail_on_severity
from auditor.config import load_config
from auditor.extract.validators import base62_crc32
from auditor.model import Severity
from auditor.paths import rules_dir
from auditor.report import REPORTERS

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_configs"


def fake_pat(seed: str) -> str:
    # Built in code: no token-shaped string is stored in the repository.
    # 30 random characters and their base62 CRC-32, as GitHub issues them: a token failing its own
    # checksum is low confidence and would not gate.
    entropy = hashlib.sha256(seed.encode()).hexdigest()[:30]
    return "ghp_" + entropy + base62_crc32(entropy)


def botaudit(*args: str) -> Result:
    return CliRunner().invoke(app, [*args])


def small_tree(root: Path) -> Path:
    (root / "bot").mkdir(parents=True)
    (root / "bot" / ".env").write_text(f"GITHUB_TOKEN={fake_pat('cli')}\n", encoding="utf-8")
    return root


def console_script() -> str:
    candidate = Path(sys.executable).parent / "botaudit"
    found = str(candidate) if candidate.is_file() else shutil.which("botaudit")
    assert found, "the `botaudit` console script is not installed (pip install -e .[test])"
    return found


# --- choices map exhaustively -----------------------------------------------------------------------------


def test_every_format_choice_has_a_reporter() -> None:
    assert {c.value for c in FormatChoice} == set(REPORTERS)


def test_every_fail_on_choice_maps_to_a_severity_or_none() -> None:
    assert fail_on_severity(FailOnChoice.NONE) is None
    mapped = {fail_on_severity(c) for c in FailOnChoice if c is not FailOnChoice.NONE}
    assert mapped == set(Severity)


# --- several reports from one run -------------------------------------------------------------------------


def test_report_options_write_three_reports_in_one_run(tmp_path: Path) -> None:
    tree = str(small_tree(tmp_path / "tree"))
    a, b, c = tmp_path / "out" / "a.html", tmp_path / "b.sarif", tmp_path / "c.json"
    result = botaudit(
        "scan",
        tree,
        "--no-progress",
        "--report",
        f"html:{a}",
        "--report",
        f"sarif:{b}",
        "--report",
        f"json:{c}",
    )
    assert result.exit_code == 1, result.output
    # --report alone sends nothing to stdout.
    assert result.stdout == ""
    assert a.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    sarif = json.loads(b.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    report = json.loads(c.read_text(encoding="utf-8"))
    assert [f["rule_id"] for f in report["findings"]] == ["BA-101"]
    # The same finding identity everywhere.
    fingerprint = report["findings"][0]["fingerprint"]
    assert fingerprint in json.dumps(sarif["runs"][0]["results"][0]["partialFingerprints"])
    for path in (a, b, c):
        assert f"to {path}" in result.stderr


def test_format_and_output_pair_in_order(tmp_path: Path) -> None:
    tree = str(small_tree(tmp_path / "tree"))
    first, second = tmp_path / "first", tmp_path / "second"
    result = botaudit(
        "scan",
        tree,
        "--no-progress",
        "--format",
        "json",
        "--format",
        "sarif",
        "--output",
        str(first),
        "--output",
        str(second),
    )
    assert result.exit_code == 1, result.output
    assert "schema_version" in json.loads(first.read_text(encoding="utf-8"))
    assert json.loads(second.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_one_format_to_stdout_and_others_to_files(tmp_path: Path) -> None:
    tree = str(small_tree(tmp_path / "tree"))
    md = tmp_path / "summary.md"
    result = botaudit("scan", tree, "--no-progress", "--format", "json", "--report", f"markdown:{md}")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["rule_id"] == "BA-101"
    assert "BA-101" in md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--format", "sarif"], "several formats would go to standard output"),
        (["--format", "json", "--output", "a", "--output", "b"], "more --output than --format"),
        (["--report", "bogus"], "expected FORMAT:PATH"),
        (["--report", "bogus:x.txt"], "unknown format 'bogus'"),
        (["--report", "json:"], "expected FORMAT:PATH"),
        (["--format", "pdf"], "pdf"),
        (["--fail-on", "severe"], "severe"),
    ],
)
def test_bad_output_options_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    tree = str(small_tree(tmp_path / "tree"))
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    result = botaudit("scan", tree, "--no-progress", *args)
    # Refused before scanning: no report half-written anywhere.
    assert os.listdir(cwd) == []
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--max-file-size", "-5"], ["--max-file-size", "0"]])
def test_nonsense_limits_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    # A negative size limit used to skip every file (exit 0 on a tree with a committed token).
    tree = str(small_tree(tmp_path / "tree"))
    result = botaudit("scan", tree, "-q", *args)
    assert result.exit_code == 2, result.output
    assert args[0] in result.stderr


@pytest.mark.parametrize(
    ("platform", "message"),
    [
        ("aws,vault", "name exactly one platform"),
        ("", "name exactly one platform"),
        ("mainframe", "mainframe"),
    ],
)
def test_collect_names_exactly_one_platform(tmp_path: Path, platform: str, message: str) -> None:
    # `collect aws,vault` used to end in a ValueError traceback with exit 1.
    result = botaudit("collect", platform, "--output", str(tmp_path / "snap.json"))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert isinstance(result.exception, SystemExit)
    assert not (tmp_path / "snap.json").exists()


def test_unwritable_output_exits_2_without_traceback(tmp_path: Path) -> None:
    tree = str(small_tree(tmp_path / "tree"))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = botaudit("scan", tree, "--no-progress", "--format", "json", "--output", str(blocker / "r.json"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert isinstance(result.exception, SystemExit)


# --- rules ------------------------------------------------------------------------------------------------


def _rule_files() -> dict[str, dict[str, object]]:
    out = {}
    for path in sorted(rules_dir().glob("BA-*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["id"] == path.stem
        out[path.stem] = spec
    return out


def test_rules_lists_every_rule_file() -> None:
    result = botaudit("rules")
    assert result.exit_code == 0, result.output
    specs = _rule_files()
    assert len(specs) >= 20
    assert f"{len(specs)} rules" in result.stdout
    for rule_id, spec in specs.items():
        assert rule_id in result.stdout
        assert str(spec["name"]) in result.stdout, spec["name"]


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rule_id", ["BA-101", "BA-103", "BA-401"])
def test_rules_show_prints_the_full_text(rule_id: str) -> None:
    spec = _rule_files()[rule_id]
    result = botaudit("rules", "show", rule_id)
    assert result.exit_code == 0, result.output
    shown = _squash(result.stdout)
    assert shown.startswith(f"{rule_id} {spec['name']}")
    for field in ("title", "rationale", "remediation"):
        assert _squash(str(spec[field])) in shown, field
    for reference in spec["references"]:  # type: ignore[attr-defined]
        assert str(reference) in result.stdout
    assert str(spec["severity"]) in shown
    # By slug, the same text.
    assert botaudit("rules", "show", str(spec["name"])).stdout == result.stdout


def test_rules_show_unknown_exits_2() -> None:
    result = botaudit("rules", "show", "BA-999")
    assert result.exit_code == 2
    assert "no rule 'BA-999'" in result.stderr
    assert result.stdout == ""


# --- init, inventory, help, version ---------------------------------------------------------------------


def test_init_writes_a_file_that_loads_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "conf" / "botaudit.yaml"
    target.parent.mkdir()
    first = botaudit("init", "--output", str(target))
    assert first.exit_code == 0, first.output
    config = load_config(target)
    assert config.path is not None and Path(config.path).resolve() == target.resolve()
    assert config.suppressions == () and config.baseline == {}
    target.write_text(target.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    again = botaudit("init", "--output", str(target))
    assert again.exit_code == 2
    assert "exists" in again.stderr and "--force" in again.stderr
    assert target.read_text(encoding="utf-8").endswith("# my edit\n")
    forced = botaudit("init", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert not target.read_text(encoding="utf-8").endswith("# my edit\n")


def test_init_file_drives_a_scan(tmp_path: Path) -> None:
    tree = small_tree(tmp_path / "tree")
    assert botaudit("init", "--output", str(tree / "botaudit.yaml")).exit_code == 0
    result = botaudit("scan", str(tree), "-q")
    assert result.exit_code == 1, result.output


def test_inventory_prints_the_agents() -> None:
    table = botaudit("inventory", str(SAMPLES), "--no-progress")
    assert table.exit_code == 0, table.output
    names = {
        "salesops-slackbot",
        "hr-teams-bot",
        "research-crew",
        "nightly-sync",
        "github",
        "aws",
        "ticket-triage",
    }
    for name in names:
        assert name in table.stdout
    listing = botaudit("inventory", str(SAMPLES), "--json", "--no-progress")
    assert listing.exit_code == 0
    data = json.loads(listing.stdout)
    assert {a["name"] for a in data["agents"]} == names
    slackbot = next(a for a in data["agents"] if a["name"] == "salesops-slackbot")
    assert {c["auth_model"] for c in slackbot["connections"]} >= {"shared_password"}
    # The inventory judges nothing.
    assert "findings" not in data


def test_help_texts() -> None:
    top = botaudit("--help")
    assert top.exit_code == 0
    for command in ("scan", "rules", "baseline", "init", "inventory", "collect"):
        assert command in top.stdout
    scan_help = botaudit("scan", "--help")
    assert scan_help.exit_code == 0
    for option in ("--format", "--output", "--report", "--fail-on", "--baseline", "--strict", "--connect"):
        assert option in scan_help.stdout


def test_no_arguments_shows_usage() -> None:
    result = botaudit()
    assert result.exit_code in (0, 2)
    assert "Usage" in result.output


# --- real processes -----------------------------------------------------------------------------------------


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own CLI
        argv,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_module_entry_point_and_console_script_agree(tmp_path: Path) -> None:
    tree = small_tree(tmp_path / "tree")
    by_module = _run([sys.executable, "-m", "auditor.cli", "scan", str(tree), "--format", "json"], tmp_path)
    by_script = _run([console_script(), "scan", str(tree), "--format", "json"], tmp_path)
    assert by_module.returncode == by_script.returncode == 1
    one, two = json.loads(by_module.stdout), json.loads(by_script.stdout)
    assert [f["fingerprint"] for f in one["findings"]] == [f["fingerprint"] for f in two["findings"]]
    assert fake_pat("cli") not in by_module.stdout + by_module.stderr
    # Off a terminal: no progress bar drawing, no colour codes in the report.
    assert "\x1b[" not in by_script.stdout + by_script.stderr
    assert _run([console_script(), "--help"], tmp_path).returncode == 0
    version = _run([console_script(), "version"], tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("botaudit ")


def test_the_console_script_works_from_any_folder(tmp_path: Path) -> None:
    """An installed botaudit finds its bundled rules without the checkout as working directory."""
    proc = _run([console_script(), "rules", "show", "BA-102"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "secret-in-prompt" in proc.stdout


# --- bad input through the CLI ------------------------------------------------------------------------------


def bad_tree(root: Path, *, with_secrets: bool) -> Path:
    """Malformed YAML, a binary .yaml, a symlink loop, JSON nested 10,000 deep and a YAML bomb.

    With secrets, each parseable file also holds a token, so it is read structurally (and fails); without,
    the files hold nothing worth a structured read.
    """
    root.mkdir(parents=True)
    token = {name: f"token: {fake_pat(name)}\n" if with_secrets else "" for name in ("broken", "bomb")}
    (root / "broken.yaml").write_text("name: bot\n" + token["broken"] + "list: [1, 2\n", encoding="utf-8")
    (root / "blob.yaml").write_bytes(b"\x00\x01\x02\xff binary \x00" * 100)
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "loop")
    deep = "[" * 10_000 + "]" * 10_000
    prefix = f'"token": "{fake_pat("deep")}", ' if with_secrets else ""
    (root / "deep.json").write_text("{" + prefix + '"x": ' + deep + "}", encoding="utf-8")
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (root / "bomb.yaml").write_text("\n".join(lines) + "\n" + token["bomb"], encoding="utf-8")
    return root


def _skips(report: dict[str, object]) -> dict[str, tuple[str, str]]:
    coverage = report["coverage"]
    assert isinstance(coverage, dict)
    return {s["source"]: (s["category"], s["reason"]) for s in coverage["skipped"]}


def test_bad_input_with_secrets_is_covered_and_gates(tmp_path: Path) -> None:
    tree = bad_tree(tmp_path / "tree", with_secrets=True)
    out = tmp_path / "r.json"
    proc = _run(
        [sys.executable, "-m", "auditor.cli", "scan", str(tree), "--format", "json", "-o", str(out)], tmp_path
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    skips = _skips(report)
    assert skips["blob.yaml"][0] == "binary"
    assert skips["sub/loop"][0] == "symlink" and "loop" in skips["sub/loop"][1]
    assert skips["broken.yaml"][0] == "parse_error" and "line" in skips["broken.yaml"][1]
    assert skips["deep.json"][0] == "too_deep" and "nested" in skips["deep.json"][1]
    assert skips["bomb.yaml"][0] == "yaml_bomb" and "billion-laughs" in skips["bomb.yaml"][1]
    # The line-based fallback still finds each token, on its line.
    found = {
        (f["location"]["path"], f["location"]["line"]) for f in report["findings"] if f["rule_id"] == "BA-101"
    }
    assert found == {("broken.yaml", 2), ("deep.json", 1), ("bomb.yaml", 11)}
    text = out.read_text(encoding="utf-8") + proc.stderr
    assert not [s for s in ("broken", "bomb", "deep") if fake_pat(s) in text]


def test_bad_input_without_secrets_passes_the_gate_and_strict_reports_it(tmp_path: Path) -> None:
    tree = bad_tree(tmp_path / "tree", with_secrets=False)
    out = tmp_path / "r.json"
    result = botaudit("scan", str(tree), "--no-progress", "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    skips = _skips(json.loads(out.read_text(encoding="utf-8")))
    assert skips["blob.yaml"][0] == "binary" and skips["sub/loop"][0] == "symlink"
    strict = botaudit("scan", str(tree), "-q", "--strict")
    assert strict.exit_code == 3
    assert "Traceback" not in strict.output


def test_an_internal_error_is_a_clear_message_without_traceback_or_value(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import auditor.scan
    from auditor import cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("ghp_value-that-must-not-be-printed")

    monkeypatch.setattr(auditor.scan, "run", broken)
    monkeypatch.delenv("BOTAUDIT_DEBUG", raising=False)
    assert cli.main(["scan", str(tmp_path), "--no-progress"]) == 3
    err = capsys.readouterr().err
    assert "internal error (RuntimeError)" in err
    assert "Traceback" not in err and "ghp_value" not in err


def test_version_flag_beside_the_version_command() -> None:
    for args in (["--version"], ["-V"], ["version"]):
        result = botaudit(*args)
        assert result.exit_code == 0, args
        assert result.stdout == f"botaudit {__version__}\n"
