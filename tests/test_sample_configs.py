"""`botaudit scan sample_configs/` end to end: the demo estate's README expectations, reach gaps, no leaks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from auditor.cli import app
from auditor.paths import detectors_dir, schema_path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_configs"
FORMATS = ("json", "sarif", "html", "markdown")

# Keys whose value is a credential in the demo files (.env lines, JSON and YAML mappings).
SECRET_KEY = re.compile(r"(?i)(secret|token|password|passwd|pwd|api[_-]?key|private[_-]?key)")
KEY_VALUE = re.compile(r"""^\s*["']?([\w.-]+)["']?\s*[:=]\s*["']?([^"'\s,]+)["']?\s*,?\s*$""")


def botaudit_script() -> str:
    """The installed console script: next to the interpreter, else on PATH. Its absence is a failure."""
    candidate = Path(sys.executable).parent / "botaudit"
    found = str(candidate) if candidate.is_file() else shutil.which("botaudit")
    assert found, "the `botaudit` console script is not installed (pip install -e .[test])"
    return found


def _detector_patterns() -> list[tuple[re.Pattern[str], bool]]:
    """(regex, is_identifier) of every format-specific detector; the generic keyword ones also match
    references (ARNs, file paths), so the key-based pass below stands in for them."""
    out = []
    for file in sorted(detectors_dir().glob("*.yaml")):
        spec = yaml.safe_load(file.read_text(encoding="utf-8"))
        if not spec.get("generic"):
            out.append((re.compile(spec["regex"]), bool(spec.get("identifier"))))
    return out


def _sample_files() -> Iterator[Path]:
    for path in sorted(SAMPLES.rglob("*")):
        rel = path.relative_to(SAMPLES)
        # Snapshots and notes hold identifiers, not planted secrets; botaudit.yaml holds public consumer keys.
        if (
            path.is_file()
            and rel.parts[0] != "snapshots"
            and path.suffix != ".md"
            and path.name != "botaudit.yaml"
        ):
            yield path


def planted_secrets() -> dict[str, str]:
    """value -> file: every fake secret planted in sample_configs (detector hits, values under secret keys).

    Public identifiers (access key ids, consumer keys: detectors marked `identifier`) are left out: reports
    may name them, redacted or not. References and placeholders (paths, ${VAR}, URLs) are not secrets.
    """
    patterns = _detector_patterns()
    secrets: dict[str, str] = {}
    identifiers: set[str] = set()
    for path in _sample_files():
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(SAMPLES))
        for pattern, is_identifier in patterns:
            for match in pattern.finditer(text):
                value = match.group("secret") if "secret" in pattern.groupindex else match.group(0)
                (identifiers.add(value) if is_identifier else secrets.setdefault(value, rel))
        for line in text.splitlines():
            kv = KEY_VALUE.match(line)
            if kv and SECRET_KEY.search(kv.group(1)) and len(kv.group(2)) >= 8:
                value = kv.group(2)
                if not value.startswith(("/", "$", "{", "http", "<", "arn:")):
                    secrets.setdefault(value, rel)
    return {v: f for v, f in secrets.items() if v not in identifiers and len(v) >= 8}


@dataclass(frozen=True)
class SampleRun:
    outputs: dict[str, str]  # format -> text
    stderr: str
    exit_code: int

    @property
    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.outputs["json"])
        return data


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> SampleRun:
    """Issue 6's command, run once as a user runs it (the console script), plus the table on stdout."""
    out = tmp_path_factory.mktemp("reports")
    reports = [f"--report={fmt}:{out / ('report.' + fmt)}" for fmt in FORMATS]
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(  # noqa: S603 - our own CLI
        [botaudit_script(), "scan", str(SAMPLES), "--no-progress", "--format", "table", *reports],
        capture_output=True,
        text=True,
        env=env,
        cwd=out,
        timeout=120,
        check=False,
    )
    missing = [fmt for fmt in FORMATS if not (out / f"report.{fmt}").is_file()]
    assert missing == [], f"exit {proc.returncode}: {proc.stderr}"
    outputs = {fmt: (out / f"report.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS}
    outputs["table"] = proc.stdout
    return SampleRun(outputs=outputs, stderr=proc.stderr, exit_code=proc.returncode)


def _findings(report: dict[str, Any], rule_id: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["rule_id"] == rule_id]


def _keys(report: dict[str, Any], rule_id: str, agent: str) -> set[str]:
    return {
        f["location"]["key"]
        for f in _findings(report, rule_id)
        if f["agent"] == agent and f.get("location") and f["location"].get("key")
    }


def test_one_run_writes_every_report_and_fails_the_gate(sample_run: SampleRun) -> None:
    assert sample_run.exit_code == 1, sample_run.stderr
    assert "Traceback" not in sample_run.stderr
    for fmt in FORMATS:
        assert f"wrote {fmt} report to" in sample_run.stderr
    sarif = json.loads(sample_run.outputs["sarif"])
    assert sarif["version"] == "2.1.0"
    assert sample_run.outputs["html"].lstrip().lower().startswith("<!doctype html")
    assert "salesops-slackbot" in sample_run.outputs["markdown"]
    assert "salesops-slackbot" in sample_run.outputs["table"]


def test_json_report_validates_against_the_shipped_schema(sample_run: SampleRun) -> None:
    schema = json.loads(schema_path("report.schema.json").read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    errors = sorted(validator_cls(schema).iter_errors(sample_run.report), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_format_json_output_matches_the_report_option(tmp_path: Path, sample_run: SampleRun) -> None:
    """`--format json --output X` (CliRunner) gives the same findings as `--report json:X` (subprocess)."""
    target = tmp_path / "x.json"
    result = CliRunner().invoke(
        app, ["scan", str(SAMPLES), "--format", "json", "--output", str(target), "--no-progress"]
    )
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    again = json.loads(target.read_text(encoding="utf-8"))
    fingerprints = sorted(f["fingerprint"] for f in again["findings"])
    assert fingerprints == sorted(f["fingerprint"] for f in sample_run.report["findings"])


def test_inventory_shows_the_demo_agents_and_their_auth_models(sample_run: SampleRun) -> None:
    agents = {a["name"]: a for a in sample_run.report["agents"]}
    models = {
        name: {(c["platform"], c["auth_model"]) for c in a["connections"]} for name, a in agents.items()
    }
    expected = {
        "salesops-slackbot": {("salesforce", "shared_password"), ("slack", "static_api_key")},
        "github": {("github", "personal_token")},
        "aws": {("aws", "static_api_key")},
        "hr-teams-bot": {("entra", "client_secret")},
        "research-crew": {("openai", "static_api_key"), ("vault", "static_api_key")},
        "nightly-sync": {("aws", "service_account_role"), ("vault", "jit_token")},
    }
    for name, pairs in expected.items():
        assert name in models, f"agent {name} missing from {sorted(models)}"
        assert pairs <= models[name], (name, models[name])
    assert agents["salesops-slackbot"]["multi_user"] and agents["hr-teams-bot"]["multi_user"]
    # The good pattern carries references, not values.
    assert agents["nightly-sync"]["credentials"] == []
    assert agents["nightly-sync"]["references"]


def test_findings_match_the_sample_readme(sample_run: SampleRun) -> None:
    report = sample_run.report
    assert _keys(report, "BA-101", "salesops-slackbot") >= {
        "SLACK_BOT_TOKEN",
        "SF_PASSWORD",
        "SF_SECURITY_TOKEN",
    }
    assert {f["agent"] for f in _findings(report, "BA-103")} >= {"salesops-slackbot"}
    # Token rotation of the Slack app is judged per token by BA-704 (the manifest is read as code), not twice.
    assert "salesops-slackbot" not in {f["agent"] for f in _findings(report, "BA-106")}
    assert {f["agent"] for f in _findings(report, "BA-704")} >= {"salesops-slackbot"}
    deputy = [f for f in _findings(report, "BA-115") if f["agent"] == "salesops-slackbot"]
    assert [f["location"]["path"] for f in deputy] == ["salesops-slackbot/app.py"]
    assert _keys(report, "BA-101", "github") == {"mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN"}
    assert _keys(report, "BA-101", "aws") == {
        "mcpServers.aws.env.AWS_ACCESS_KEY_ID",
        "mcpServers.aws.env.AWS_SECRET_ACCESS_KEY",
    }
    # A personal desktop MCP config is not a shared bot.
    assert not [f for f in _findings(report, "BA-104") if f["agent"] in ("github", "aws")]
    assert _keys(report, "BA-101", "hr-teams-bot") == {"MicrosoftAppPassword"}
    assert {f["agent"] for f in _findings(report, "BA-108")} >= {"hr-teams-bot"}
    ba111 = [f for f in _findings(report, "BA-111") if f["agent"] == "hr-teams-bot"]
    assert ba111 and "Directory.ReadWrite.All" in " ".join(f["message"] for f in ba111)
    prompts = [f for f in _findings(report, "BA-102") if f["agent"] == "research-crew"]
    assert {f["location"]["key"] for f in prompts} == {
        "researcher.backstory",
        "tools[0].function.headers.X-Vault-Token",
    }
    assert {f["severity"] for f in prompts} == {"critical"}
    assert {f["kind"] for f in prompts} == {"openai_api_key", "vault_token"}


def test_the_agent_done_right_has_no_finding(sample_run: SampleRun) -> None:
    report = sample_run.report
    assert "nightly-sync" in {a["name"] for a in report["agents"]}
    own = [
        (f["rule_id"], f["message"])
        for f in report["findings"]
        if f["agent"] == "nightly-sync"
        or (f.get("location") or {}).get("path", "").startswith("nightly-sync/")
    ]
    assert own == []


def _listed_snapshots() -> list[Path]:
    config = yaml.safe_load((SAMPLES / "botaudit.yaml").read_text(encoding="utf-8"))
    return [SAMPLES / p for p in config["snapshots"]]


def test_every_listed_snapshot_exists() -> None:
    listed = _listed_snapshots()
    assert {p.stem for p in listed} == {"aws", "vault", "salesforce", "entra", "github", "slack"}
    missing = [str(p.relative_to(SAMPLES)) for p in listed if not p.is_file()]
    assert missing == [], "sample_configs/botaudit.yaml lists snapshots that do not exist"


def test_reach_gaps_for_every_platform_snapshot(sample_run: SampleRun) -> None:
    report = sample_run.report
    present = {
        json.loads(p.read_text(encoding="utf-8"))["platform"] for p in _listed_snapshots() if p.is_file()
    }
    assert present, "no platform snapshot in sample_configs/snapshots"
    assert set(report["coverage"]["platforms_collected"]) >= present
    gaps = {(g["agent"], g["platform"]): g for g in report["gaps"]}
    expected = {
        "aws": ("aws", "junior-analyst"),
        "vault": ("research-crew", "junior-read"),
        "salesforce": ("salesops-slackbot", "junior.rep@acme-demo.example"),
        "entra": ("hr-teams-bot", "Junior Rep"),
        "github": ("github", "junior-dev"),
        "slack": ("salesops-slackbot", "U07JUNIOR01"),
    }
    for platform in sorted(present):
        agent, baseline = expected[platform]
        gap = gaps.get((agent, platform))
        assert gap is not None, f"no {platform} reach gap for {agent}: {sorted(gaps)}"
        assert gap["extra_count"] > 0 and gap["top"], gap
        # Compared with the junior user botaudit.yaml names for that platform.
        assert baseline in gap["baseline"], gap["baseline"]
    # Platforms without a snapshot are not invented.
    assert {g["platform"] for g in report["gaps"]} <= present
    # The good pattern's gap is shown, not judged: reach below admin, no escalation.
    for (agent, _platform), gap in gaps.items():
        if agent == "nightly-sync":
            assert gap["worst_level"] != "admin" and not gap["escalation"]


def test_every_snapshot_fingerprint_joins_a_demo_credential(sample_run: SampleRun) -> None:
    """Each `fp:` alias in a demo snapshot is the keyed fingerprint of a credential the scan finds.

    Snapshots are written once (bench/make_sample_snapshot_*.py); when the fingerprint function changes
    they go stale silently and the join to the identity is lost. This names the stale snapshot.
    """
    found = {
        cred["fingerprint"] for agent in sample_run.report["agents"] for cred in agent.get("credentials", [])
    }
    stale = []
    for path in _listed_snapshots():
        data = json.loads(path.read_text(encoding="utf-8"))
        aliases = {a for ident in data.get("identities", []) for a in ident.get("aliases", [])}
        stale += [f"{path.name}: {a}" for a in sorted(aliases) if a.startswith("fp:") and a[3:] not in found]
    assert stale == [], "regenerate with bench/make_sample_snapshot_<platform>.py"
    # Slack and GitHub tokens are joined by fingerprint alone (no identity hint in the config).
    joined = {(r["agent"], r["platform"]) for r in sample_run.report["resolutions"]}
    assert {("salesops-slackbot", "slack"), ("github", "github")} <= joined, sorted(joined)


def test_planted_secrets_are_collected() -> None:
    secrets = planted_secrets()
    files = set(secrets.values())
    assert files >= {
        "salesops-slackbot/.env",
        "ide-mcp/.cursor/mcp.json",
        "hr-teams-bot/appsettings.json",
        "research-crew/config/agents.yaml",
        "research-crew/config/tools.yaml",
    }
    assert len(secrets) >= 8


@pytest.mark.parametrize("fmt", ["table", *FORMATS])
def test_no_planted_secret_in_any_output(sample_run: SampleRun, fmt: str) -> None:
    text = sample_run.outputs[fmt] + sample_run.stderr
    leaked = [
        f"{file}: {value[:4]}…"
        for value, file in planted_secrets().items()
        # A redacted preview shows at most 4 characters, so even a 10-character prefix is a leak.
        if value in text or (len(value) >= 16 and value[:10] in text)
    ]
    assert leaked == []


def test_iac_agent_gap_comes_from_its_own_terraform(sample_run: SampleRun) -> None:
    """ticket-triage's IAM user, key and policy exist only in its Terraform: the gap and the AWS rules
    judge them offline, anchored to the declaring lines."""
    report = sample_run.report
    gaps = {(g["agent"], g["platform"]): g for g in report["gaps"]}
    gap = gaps[("ticket-triage", "aws")]
    assert gap["identity"] == "ticket-triage-bot" and gap["baseline"] == "junior-analyst"
    assert {e["action"] for e in gap["top"]} >= {"iam:PassRole", "lambda:CreateFunction", "sqs:*"}
    assert gap["escalation"] is True
    own = {
        (f["rule_id"], f["location"]["path"], f["location"]["line"])
        for f in report["findings"]
        if (f.get("location") or {}).get("path", "").startswith("ticket-triage/infra/")
    }
    assert {
        ("BA-201", "ticket-triage/infra/main.tf", 11),
        ("BA-207", "ticket-triage/infra/main.tf", 11),
        ("BA-208", "ticket-triage/infra/main.tf", 11),
        ("BA-210", "ticket-triage/infra/main.tf", 50),
        ("BA-901", "ticket-triage/infra/main.tf", 11),
    } <= own
    drift = [f for f in report["findings"] if f["rule_id"] == "BA-901"]
    assert [f["severity"] for f in drift if f["platform"] == "aws"] == ["low"]


def test_slack_manifest_is_code_and_the_wider_installed_token_is_drift(sample_run: SampleRun) -> None:
    """The SalesOps bot's manifest declares four bot scopes; the installed token (the saved snapshot) holds
    more: live wins (one Slack token, judged once), the difference is drift anchored to the manifest."""
    report = sample_run.report
    slack = [f for f in report["findings"] if f.get("platform") == "slack" and f["rule_id"] == "BA-704"]
    assert len(slack) == 1
    (drift,) = [f for f in report["findings"] if f["rule_id"] == "BA-901" and f["platform"] == "slack"]
    assert drift["severity"] == "medium" and "chat:write.customize" in drift["message"]
    assert drift["location"]["path"] == "salesops-slackbot/manifest.yaml"
