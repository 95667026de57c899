"""The GitHub Action (action.yml) and its self-test workflow: valid against their published schemas, and the
Action's script steps run locally, in order, with fake GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.

The local runner below does what a GitHub runner does for a composite Action's `run:` steps: it resolves the
`${{ }}` expressions the Action uses (inputs, github.action_path, steps.*.outputs, steps.*.outcome), evaluates
each step's `if:`, runs the script with `bash --noprofile --norc -eo pipefail`, gives each step a fresh
GITHUB_OUTPUT file and reads it back (both `name=value` and `name<<DELIMITER` forms). `uses:` steps (setup-
python, the SARIF upload) are not run; what they would receive is checked instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from auditor import __version__
from auditor.action import OUTPUTS, ActionInputError, ActionInputs, Reports, scan_arguments
from auditor.extract.validators import base62_crc32

REPO = Path(__file__).resolve().parent.parent
ACTION = REPO / "action.yml"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))


def _schema(name: str) -> dict[str, Any]:
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    schema: dict[str, Any] = json.loads(vendor.joinpath(name).read_text("utf-8"))
    return schema


def _load(path: Path) -> Any:
    # GitHub reads `on:` as a key; YAML 1.1 loaders read a bare `on` as True (the schema wants the string).
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=_StringOnLoader)


class _StringOnLoader(yaml.SafeLoader):
    pass


# Only the YAML 1.2 booleans: `on`, `yes`, `off` stay strings, as GitHub's parser reads them.
_StringOnLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StringOnLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _errors(document: Any, schema_name: str) -> list[str]:
    schema = _schema(schema_name)
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


# --- the published schemas ----------------------------------------------------------------------------------


def test_action_yml_is_valid_against_the_github_action_schema() -> None:
    assert _errors(_load(ACTION), "github-actions.json") == []


def test_the_workflows_are_valid_against_the_github_workflow_schema() -> None:
    assert WORKFLOWS, "no workflow in .github/workflows"
    for workflow in WORKFLOWS:
        assert _errors(_load(workflow), "github-workflows.json") == [], workflow.name


def test_the_schemas_catch_a_broken_action_and_workflow() -> None:
    action = _load(ACTION)
    action["runs"]["steps"][1].pop("shell")  # a composite `run:` step must name its shell
    assert _errors(action, "github-actions.json")
    workflow = _load(WORKFLOWS[0])
    workflow["jobs"]["demo"].pop("runs-on")
    assert _errors(workflow, "github-workflows.json")


def test_the_self_test_workflow_uses_this_action_from_source() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "botaudit-action.yml")
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    local = [s for s in steps if s.get("uses") == "./"]
    assert local and local[0]["with"]["version"] == "source"
    # Every input the workflow passes exists in action.yml.
    assert set(local[0]["with"]) <= set(_load(ACTION)["inputs"])


def test_action_metadata_matches_the_package() -> None:
    action = _load(ACTION)
    assert action["inputs"]["version"]["default"] == __version__
    assert set(action["outputs"]) == set(OUTPUTS)
    for name, spec in action["outputs"].items():
        assert spec["value"] == f"${{{{ steps.scan.outputs.{name} }}}}"
    # No input is pasted into a script: expressions only in env:/with:/if:.
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]
    # The scan step receives every input the script reads.
    scan = next(s for s in action["runs"]["steps"] if s.get("id") == "scan")
    read = set(re.findall(r'(?<![.\w])get\("([A-Z_]+)"', (REPO / "auditor" / "action.py").read_text("utf-8")))
    assert {f"INPUT_{name}" for name in read} <= set(scan["env"])


# --- a local runner for the composite Action ----------------------------------------------------------------

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class LocalRunner:
    inputs: dict[str, str]
    workspace: Path
    env: dict[str, str]
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped_uses: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def value(self, ref: str) -> str:
        parts = ref.split(".")
        if parts[0] == "inputs":
            return self.inputs[parts[1]]
        if ref == "github.action_path":
            return str(REPO)
        if parts[0] == "steps":
            step = self.steps.get(parts[1], {"outputs": {}, "outcome": "skipped"})
            return str(step["outcome"]) if parts[2] == "outcome" else str(step["outputs"].get(parts[3], ""))
        raise AssertionError(f"expression not supported by the local runner: {ref}")

    def substitute(self, text: str) -> str:
        return _EXPR.sub(lambda m: self.value(m.group(1)), text)

    def condition(self, expression: str) -> bool:
        python = re.sub(r"'([^']*)'", lambda m: repr(m.group(1)), expression)
        python = python.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
        python = re.sub(
            r"\b((?:inputs|steps|github)\.[\w.-]+)", lambda m: repr(self.value(m.group(1)).lower()), python
        )
        python = re.sub(r"!(?!=)", " not ", python)
        return bool(eval(python, {"__builtins__": {}}, {}))  # noqa: S307 (expressions of our own action.yml)

    def run(self) -> None:
        action = _load(ACTION)
        defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
        self.inputs = defaults | self.inputs
        for number, step in enumerate(action["runs"]["steps"]):
            sid = step.get("id", f"step{number}")
            if "if" in step and not self.condition(str(step["if"])):
                self.steps[sid] = {"outputs": {}, "outcome": "skipped"}
                continue
            if "uses" in step:
                with_ = {k: self.substitute(str(v)) for k, v in step.get("with", {}).items()}
                self.skipped_uses.append((step["uses"], with_))
                self.steps[sid] = {"outputs": {}, "outcome": "success"}
                continue
            output = self.workspace.parent / f"output-{number}"
            summary = self.workspace.parent / f"summary-{number}"
            # GitHub gives every step fresh, empty files.
            output.write_text("")
            summary.unlink(missing_ok=True)
            env = {**self.env, **{k: self.substitute(str(v)) for k, v in step.get("env", {}).items()}}
            env |= {"GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
            proc = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                cwd=self.workspace,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            self.log.append(proc.stdout + proc.stderr)
            self.steps[sid] = {
                "outputs": parse_github_output(output.read_text(encoding="utf-8")),
                "outcome": "success" if proc.returncode == 0 else "failure",
                "returncode": proc.returncode,
            }
            self.summaries.append(summary.read_text(encoding="utf-8") if summary.exists() else "")

    def outputs(self) -> dict[str, str]:
        action = _load(ACTION)
        return {name: self.substitute(spec["value"]) for name, spec in action["outputs"].items()}


def parse_github_output(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT's two documented forms: `name=value` and `name<<DELIMITER`, lines, `DELIMITER`."""
    out: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            for inner in lines:
                if inner == delimiter:
                    break
                body.append(inner)
            else:
                raise AssertionError(f"unterminated output {name!r}")
            out[name] = "\n".join(body)
        elif line:
            name, value = line.split("=", 1)
            out[name] = value
    return out


def _fake_pat(seed: str) -> str:
    entropy = hashlib.sha256(seed.encode()).hexdigest()[:30]
    return "ghp_" + entropy + base62_crc32(entropy)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "workspace"
    (root / "bot").mkdir(parents=True)
    (root / "bot" / ".env").write_text(f"GITHUB_TOKEN={_fake_pat('action')}\n", encoding="utf-8")
    (root / "runner-temp").mkdir()
    return root


def _runner(workspace: Path, **inputs: str) -> LocalRunner:
    # `version: none` uses the botaudit installed for `python3`: this test environment's.
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(workspace),
        "RUNNER_TEMP": str(workspace / "runner-temp"),
        "NO_COLOR": "1",
    }
    runner = LocalRunner(inputs={"version": "none", **inputs}, workspace=workspace, env=env)
    runner.run()
    return runner


def test_the_action_scans_sets_outputs_writes_the_summary_and_fails_the_gate(workspace: Path) -> None:
    runner = _runner(workspace, paths="bot", **{"upload-sarif": "true", "sarif-category": "agents"})
    outputs = runner.outputs()
    assert outputs["exit-code"] == "1", runner.log
    assert int(outputs["findings"]) >= 1 and int(outputs["gating"]) >= 1
    assert sum(int(outputs[s]) for s in ("critical", "high", "medium", "low", "info")) == int(
        outputs["findings"]
    )
    report = json.loads(Path(outputs["json-report"]).read_text(encoding="utf-8"))
    assert report["summary"]["findings"] == int(outputs["findings"])
    assert Path(outputs["json-report"]).parent == workspace / "runner-temp" / "botaudit"
    # The Markdown report is the job summary, with the exit code's meaning.
    (scan_summary,) = [s for s in runner.summaries if s]
    assert scan_summary.startswith("## botaudit") and "exit code 1: failed the gate" in scan_summary
    # The SARIF upload would receive the SARIF file the scan wrote, under the requested category.
    uploads = [w for uses, w in runner.skipped_uses if uses.startswith("github/codeql-action/upload-sarif@")]
    assert uploads == [{"sarif_file": outputs["sarif-report"], "category": "agents"}]
    assert json.loads(Path(outputs["sarif-report"]).read_text("utf-8"))["version"] == "2.1.0"
    # setup-python is skipped with version none; the gate step fails the job with botaudit's code.
    assert runner.steps["python"]["outcome"] == "skipped"
    gate = runner.steps[f"step{len(_load(ACTION)['runs']['steps']) - 1}"]
    assert gate["outcome"] == "failure" and gate["returncode"] == 1
    assert "::error title=botaudit::" in "".join(runner.log)


def test_fail_on_none_passes_and_no_upload_unless_asked(workspace: Path) -> None:
    runner = _runner(workspace, paths="bot", **{"fail-on": "none", "step-summary": "false"})
    assert runner.outputs()["exit-code"] == "0"
    assert not any(uses.startswith("github/codeql-action") for uses, _ in runner.skipped_uses)
    assert all(s == "" for s in runner.summaries)  # step-summary: false
    assert all(step["outcome"] in ("success", "skipped") for step in runner.steps.values())


def test_fail_false_keeps_the_job_green_but_reports_the_exit_code(workspace: Path) -> None:
    runner = _runner(workspace, paths="bot", fail="false")
    assert runner.outputs()["exit-code"] == "1"
    assert all(step["outcome"] in ("success", "skipped") for step in runner.steps.values())


def test_a_usage_error_is_exit_2_with_empty_counts(workspace: Path) -> None:
    runner = _runner(workspace, paths="no-such-folder")
    outputs = runner.outputs()
    assert outputs["exit-code"] == "2" and outputs["findings"] == "" and outputs["json-report"] == ""
    assert "usage or configuration error" in "".join(runner.summaries)


def test_a_bad_input_fails_the_scan_step_and_nothing_after_it_runs(workspace: Path) -> None:
    runner = _runner(workspace, **{"fail-on": "severe", "upload-sarif": "true"})
    assert runner.steps["scan"]["outcome"] == "failure"
    assert "input `fail-on`" in "".join(runner.log)
    assert runner.skipped_uses == []  # no SARIF to upload


def test_baseline_config_args_and_the_fingerprint_key_reach_the_scan(workspace: Path) -> None:
    key = "k" * 32
    runner = _runner(workspace, paths="bot", baseline="base.json", **{"fingerprint-key": key})
    # A missing baseline is botaudit's own usage error, proving the input reached the command line.
    assert runner.outputs()["exit-code"] == "2"
    assert f"::add-mask::{key}" in "".join(runner.log)
    subprocess.run(
        [sys.executable, "-m", "auditor", "baseline", "create", "bot", "-o", "base.json"],
        cwd=workspace,
        env={**os.environ, "BOTAUDIT_FINGERPRINT_KEY": key},
        check=True,
        capture_output=True,
    )
    runner = _runner(workspace, paths="bot", baseline="base.json", **{"fingerprint-key": key})
    outputs = runner.outputs()
    # Every finding is in the baseline made with the same key: nothing gates.
    assert outputs["exit-code"] == "0" and outputs["gating"] == "0", runner.log
    assert outputs["baselined"] == outputs["findings"] != "0"


def test_the_install_step_pins_the_version_and_refuses_anything_else(workspace: Path) -> None:
    # A stand-in interpreter records what the install step asks of it (no network, nothing installed).
    log = workspace / "python.log"
    fake = workspace / "fake-python"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{log}"\n'
        'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"; cp "$0" "$3/bin/python"; fi\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    action = _load(ACTION)
    install = next(s for s in action["runs"]["steps"] if s.get("id") == "install")

    def run(version: str) -> subprocess.CompletedProcess[str]:
        output = workspace / "install-output"
        output.write_text("")
        env = {
            "PATH": os.environ["PATH"],
            "BOTAUDIT_VERSION": version,
            "SETUP_PYTHON": str(fake),
            "ACTION_PATH": str(REPO),
            "RUNNER_TEMP": str(workspace / "runner-temp"),
            "GITHUB_OUTPUT": str(output),
        }
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", install["run"]],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert run("0.1.0").returncode == 0
    assert "-m pip install --quiet --disable-pip-version-check botaudit==0.1.0" in log.read_text()
    assert run("source").returncode == 0
    assert f"install --quiet --disable-pip-version-check {REPO}" in log.read_text()
    assert (workspace / "install-output").read_text().startswith("python=")
    for hostile in ("0.1.0 --index-url https://evil.example", "latest", "1.0;rm -rf /", "--pre"):
        proc = run(hostile)
        assert proc.returncode == 2 and "::error title=botaudit::input version" in proc.stdout, hostile


# --- the script's own parts ---------------------------------------------------------------------------------


def test_inputs_are_checked_and_split_like_a_shell() -> None:
    inputs = ActionInputs.from_env(
        {
            "INPUT_PATHS": "agents 'my bots'",
            "INPUT_ARGS": "--strict --snapshot aws.json",
            "INPUT_FAIL_ON": "HIGH",
        }
    )
    assert inputs.paths == ("agents", "my bots") and inputs.fail_on == "high"
    argv = scan_arguments(inputs, Reports(Path("/out")))
    assert argv[:3] == ["scan", "agents", "my bots"] and argv[-3:] == ["--strict", "--snapshot", "aws.json"]
    assert "json:/out/botaudit.json" in argv and "sarif:/out/botaudit.sarif" in argv
    assert ActionInputs.from_env({}).paths == (".",)
    for env, message in (
        ({"INPUT_FAIL_ON": "severe"}, "fail-on"),
        ({"INPUT_STEP_SUMMARY": "maybe"}, "step-summary"),
        ({"INPUT_PATHS": "'unterminated"}, "quote"),
    ):
        with pytest.raises(ActionInputError, match=message):
            ActionInputs.from_env(env)


def test_output_values_cannot_inject_further_outputs() -> None:
    from auditor.action import _write_outputs

    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"gho-{os.getpid()}"
    try:
        _write_outputs(str(path), {"json-report": "a\nexit-code=0\nEOF", "exit-code": "1"})
        parsed = parse_github_output(path.read_text(encoding="utf-8"))
        assert parsed == {"json-report": "a\nexit-code=0\nEOF", "exit-code": "1"}
    finally:
        path.unlink(missing_ok=True)


def test_third_party_actions_are_pinned_to_a_commit() -> None:
    # A tag can be moved to other code by whoever controls the action's repository; a commit cannot.
    for path in (ACTION, *WORKFLOWS):
        document = _load(path)
        steps = (
            document["runs"]["steps"]
            if "runs" in document
            else [s for job in document["jobs"].values() for s in job.get("steps", [])]
        )
        for step in steps:
            uses = step.get("uses")
            if uses is None or uses.startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), f"{path.name}: {uses}"


def test_diff_base_reports_new_and_fixed_findings_in_the_summary_and_outputs(workspace: Path) -> None:
    # The earlier report: the repository with one committed token.
    first = _runner(workspace, paths="bot", **{"output-dir": str(workspace.parent / "before")})
    base = first.outputs()["json-report"]
    assert first.outputs()["new-findings"] == ""  # no diff-base, no diff outputs
    # That token is removed and another one added.
    (workspace / "bot" / ".env").write_text(f"SLACK_TOKEN=x\nGH={_fake_pat('second')}\n", encoding="utf-8")
    runner = _runner(workspace, paths="bot", **{"diff-base": base})
    outputs = runner.outputs()
    assert outputs["new-findings"] == "1" and outputs["fixed-findings"] == "1", runner.log
    diff_md = Path(outputs["diff-report"]).read_text(encoding="utf-8")
    assert "### New findings (1)" in diff_md and "### Fixed findings (1)" in diff_md
    (summary,) = [s for s in runner.summaries if s]
    assert summary.startswith("## botaudit: changes in findings") and "\n## botaudit\n" in summary
    # A base that is not a report: a warning, the scan's own outputs unchanged.
    bad = workspace / "not-a-report.json"
    bad.write_text("[]", encoding="utf-8")
    runner = _runner(workspace, paths="bot", **{"diff-base": str(bad)})
    assert runner.outputs()["exit-code"] == "1" and runner.outputs()["new-findings"] == ""
    assert "::warning title=botaudit::input `diff-base`" in "".join(runner.log)
