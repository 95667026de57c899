"""A secret pasted where botaudit.yaml wants a pointer (issue 10 §4) never reaches any output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

SECRET = "Abc8Q~xyzw1234567890abcdefghijklmnopqrs"
TOKEN = "s.Zq8vLr3XwT0pMn5sKd7Yh2Bc"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "botaudit.yaml").write_text(
        "collectors:\n"
        "  entra:\n"
        "    tenant_id: 7f3c9a2e-5b1d-4e8f-a6c4-2d9b0e1f3a57\n"
        "    client_id: 0c6a4d1e-2f3b-4a5c-9d8e-7f6a5b4c3d2e\n"
        f'    client_secret_env: "{SECRET}"\n'
        "  vault:\n"
        f"    token_file: {TOKEN}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_pasted_secret_is_redacted_everywhere_and_reported(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path_factory.mktemp("reports")
    monkeypatch.setenv("VAULT_ADDR", "http://127.0.0.1:9")
    reports = [f"{fmt}:{out / ('r.' + fmt)}" for fmt in ("json", "sarif", "html", "markdown", "table")]
    args = ["scan", str(project), "--connect", "entra,vault", "--no-progress", "--now", "2026-01-01"]
    for spec in reports:
        args += ["--report", spec]
    result = CliRunner().invoke(app, [*args, "--format", "table"])
    texts = [result.output] + [p.read_text(encoding="utf-8") for p in out.iterdir()]
    for text in texts:
        assert SECRET not in text and SECRET[5:20] not in text
        assert TOKEN not in text and TOKEN[4:] not in text
    # Critical BA-114 findings fail the gate; the platforms are reported as not collected, not as clean.
    assert result.exit_code == 1, result.output
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    ba114 = [f for f in report["findings"] if f["rule_id"] == "BA-114"]
    assert sorted(f["location"]["line"] for f in ba114) == [5, 7]
    assert all(f["severity"] == "critical" for f in ba114)
    assert "holds a secret where a name belongs" in result.output


def test_collect_refuses_the_platform_without_echo(project: Path) -> None:
    result = CliRunner().invoke(
        app, ["collect", "entra", "-o", str(project / "snap.json"), "-c", str(project / "botaudit.yaml")]
    )
    assert result.exit_code == 3
    assert "client_secret_env" in result.output and SECRET not in result.output
    assert not (project / "snap.json").exists()
