"""Issue 9 §2: a CrewAI-style crew holding a GCP service-account key file crashed the JSON report.

Two secrets on one line differing only in `column`/`key` being None made `sorted()` over the agent's
credentials raise TypeError; the same `private_key` was also reported twice (the structured scan with its key
path, the line scan of the JSON-escaped text without). The fixture is written here, its key material made up
in code.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.model import Location, ScanResult
from auditor.report import FormatChoice, render
from auditor.scan import ScanOptions, run

PROJECT = "crew-research-4411"


def fake_private_key(seed: str) -> str:
    """A PEM-shaped PKCS#8 block of made-up bytes (never a usable key; nothing key-shaped is committed)."""
    blob = b"".join(hashlib.sha256(f"{seed}:{i}".encode()).digest() for i in range(20))
    body = base64.b64encode(b"\x30\x82\x02\x76\x02\x01\x00" + blob).decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END PRIVATE KEY-----\n"


KEY = fake_private_key("crewai-gcp")
KEY_ID = hashlib.sha1(b"crewai-gcp").hexdigest()


def crewai_repo(root: Path) -> Path:
    """The layout `crewai create crew` produces, plus the key file a developer dropped next to it."""
    (root / "config").mkdir(parents=True)
    (root / "credentials").mkdir()
    (root / "config" / "agents.yaml").write_text(
        "researcher:\n"
        "  role: Senior Researcher\n"
        "  goal: Uncover developments in {topic}\n"
        "  backstory: You query BigQuery datasets.\n"
        "  llm: vertex_ai/gemini-1.5-pro\n",
        encoding="utf-8",
    )
    (root / "config" / "tasks.yaml").write_text(
        "research_task:\n  description: Research {topic}\n  expected_output: Bullet points\n"
        "  agent: researcher\n",
        encoding="utf-8",
    )
    (root / "crew.py").write_text(
        "from crewai import Agent, Crew, Process, Task\n"
        "from crewai.project import CrewBase, agent, crew, task\n\n\n"
        "@CrewBase\nclass ResearchCrew:\n"
        '    agents_config = "config/agents.yaml"\n'
        '    tasks_config = "config/tasks.yaml"\n',
        encoding="utf-8",
    )
    (root / ".env").write_text(
        f"GOOGLE_APPLICATION_CREDENTIALS=credentials/gcp-sa.json\nVERTEXAI_PROJECT={PROJECT}\n",
        encoding="utf-8",
    )
    (root / "pyproject.toml").write_text(
        '[project]\nname = "research_crew"\ndependencies = ["crewai[tools]>=0.80"]\n\n'
        '[tool.crewai]\ntype = "crew"\n',
        encoding="utf-8",
    )
    service_account = {
        "type": "service_account",
        "project_id": PROJECT,
        "private_key_id": KEY_ID,
        "private_key": KEY,
        "client_email": f"crew-runner@{PROJECT}.iam.gserviceaccount.com",
        "client_id": "104857392019283746501",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "universe_domain": "googleapis.com",
    }
    (root / "credentials" / "gcp-sa.json").write_text(json.dumps(service_account, indent=2), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return crewai_repo(tmp_path_factory.mktemp("crew"))


@pytest.fixture(scope="module")
def result(repo: Path) -> ScanResult:
    return run(ScanOptions(paths=(repo,)))


def _key_body_lines() -> list[str]:
    return [line for line in KEY.splitlines() if line and not line.startswith("-----")]


def test_the_private_key_is_reported_once_with_its_key_path(result: ScanResult) -> None:
    keys = [s for s in result.secrets if s.kind == "private_key"]
    assert len(keys) == 1, [s.location for s in keys]
    assert keys[0].location.path == "credentials/gcp-sa.json"
    assert keys[0].location.key == "private_key"
    owned = [s for a in result.agents for s in a.secrets if s.kind == "private_key"]
    assert len(owned) == 1 and owned[0].location.key == "private_key"


@pytest.mark.parametrize("choice", list(FormatChoice))
def test_every_format_renders_without_the_key(result: ScanResult, choice: FormatChoice) -> None:
    text = render(choice, result)
    assert "credentials/gcp-sa.json" in text
    for line in _key_body_lines():
        assert line not in text
    assert KEY not in text


def test_cli_json_and_every_report_file(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    reports = [f"--report={fmt.value}:{out / ('report.' + fmt.value)}" for fmt in FormatChoice]
    cli = CliRunner().invoke(app, ["scan", str(repo), "--format", "json", "--no-progress", *reports])
    assert cli.exit_code == 1, cli.output  # BA-101 on the key file gates at `high`
    doc = json.loads(cli.stdout)
    (researcher,) = [a for a in doc["agents"] if a["name"] == "researcher"]
    keys = [c for c in researcher["credentials"] if c["kind"] == "private_key"]
    assert [c["location"]["key"] for c in keys] == ["private_key"]
    for fmt in FormatChoice:
        assert (out / f"report.{fmt.value}").stat().st_size > 0


def test_locations_with_and_without_optional_fields_sort() -> None:
    """The class of bug: a None column or key beside a set one never breaks ordering."""
    locations = [
        Location("a.json", 5, 19, None),
        Location("a.json", 5, None, "private_key"),
        Location("a.json", 5, None, None),
        Location("a.json", 5, 3, "x"),
        Location("a.json", 2),
    ]
    ordered = sorted(locations)
    assert ordered[0] == Location("a.json", 2)
    assert ordered[1] == Location("a.json", 5, None, None)
    assert ordered == sorted(reversed(locations))
    assert min(locations) == Location("a.json", 2) and max(locations) == Location("a.json", 5, 19, None)
