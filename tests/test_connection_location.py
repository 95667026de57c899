"""A finding about how an agent connects to a platform (BA-103, BA-104, BA-108, BA-408, BA-508) points at the
evidence that decided the connection's auth model: the password's or the static key's own line, not the
first line of evidence in path order (a username, a login URL, a workflow step). Its fingerprint moved with
it, so the fingerprint it had before is kept as an alias: baselines and suppressions recorded before still
match it, and `baseline update` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor import baseline as bl
from auditor.model import AuthModel, Location, Platform, ScanResult
from tests.source_trees import write_tree

# A Slack slash-command bot that queries Salesforce as one integration user. Shapes written here, values
# made up.
_APP = """\
import os

from simple_salesforce import Salesforce
from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
sf = Salesforce(
    username=os.environ["SF_USERNAME"],
    password=os.environ["SF_PASSWORD"],
    security_token=os.environ["SF_TOKEN"],
)


@app.command("/pipeline")
def pipeline(ack, respond, command):
    ack()
    rows = sf.query("SELECT Name, Amount FROM Opportunity WHERE IsClosed = false")
    respond(f"{rows['totalSize']} open deals")


if __name__ == "__main__":
    app.start(port=3000)
"""

_ENV = """\
# Slack app "Pipeline" (workspace: sales)
SLACK_SIGNING_SECRET=8f14e45fceea167a5a36dedd4bea2543
SF_DOMAIN=login
# the integration user every command runs as
SF_USERNAME=svc-pipeline@example-corp.com
SF_PASSWORD=Tq8v!wZr3mLp
SF_TOKEN=Xk2Lq9Wd7Rt4Yb6Nm3Pz
"""

# What botaudit 8af59e2 gave this tree's BA-103 (located at the username line, the connection's first
# evidence): recorded from that version's scan, not computed here.
_BA103_BEFORE = "759e24b7c119ca9a"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pipeline")
    write_tree(root, {"bot/app.py": _APP, "bot/.env": _ENV})
    return root


def _scan(tree: Path, baseline: Path | None = None) -> ScanResult:
    return run(ScanOptions(paths=[tree], baseline_file=baseline))


def _ba103(result: ScanResult):  # type: ignore[no-untyped-def]
    return next(f for f in result.findings if f.rule_id == "BA-103")


def test_the_connection_records_where_its_auth_model_was_decided(tree: Path) -> None:
    result = _scan(tree)
    conn = next(c for c in result.agents[0].connections if c.platform is Platform.SALESFORCE)
    assert conn.auth_model is AuthModel.SHARED_PASSWORD
    assert conn.decided_at == Location("bot/.env", 6, key="SF_PASSWORD")
    # The evidence keeps its order (the identity hint's line first), as the JSON report shows it.
    assert conn.evidence[0] == Location("bot/.env", 5, key="SF_USERNAME")


def test_the_finding_points_at_the_password_not_the_username(tree: Path) -> None:
    finding = _ba103(_scan(tree))
    assert finding.location is not None
    assert (finding.location.path, finding.location.line, finding.location.key) == (
        "bot/.env",
        6,
        "SF_PASSWORD",
    )


def test_the_fingerprint_it_had_before_is_an_alias(tree: Path) -> None:
    finding = _ba103(_scan(tree))
    assert finding.fingerprint != _BA103_BEFORE
    assert _BA103_BEFORE in finding.aliases


def test_a_baseline_recorded_before_still_matches_and_update_rewrites_it(tree: Path, tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    old = bl.Baseline(entries=(bl.BaselineEntry(_BA103_BEFORE, "BA-103", path="bot/.env"),))
    path.write_text(bl.dump(old), encoding="utf-8")
    result = _scan(tree, baseline=path)
    finding = _ba103(result)
    assert finding.baseline and not finding.gating
    updated = bl.update(bl.load(path), result)
    assert finding.fingerprint in updated and _BA103_BEFORE not in updated


def test_a_baseline_of_another_finding_does_not_match(tree: Path, tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    other = bl.Baseline(entries=(bl.BaselineEntry("0123456789abcdef", "BA-103", path="bot/.env"),))
    path.write_text(bl.dump(other), encoding="utf-8")
    assert not _ba103(_scan(tree, baseline=path)).baseline


def test_no_alias_when_the_location_did_not_move(tmp_path: Path) -> None:
    # The password is the connection's first evidence (no username written anywhere): the finding stays where
    # it was, with the one alias `distinct=` has always kept.
    write_tree(
        tmp_path,
        {"bot/app.py": _APP, "bot/.env": "SF_PASSWORD=Tq8v!wZr3mLp\nSF_TOKEN=Xk2Lq9Wd7Rt4Yb6Nm3Pz\n"},
    )
    result = _scan(tmp_path)
    conn = next(c for c in result.agents[0].connections if c.platform is Platform.SALESFORCE)
    assert conn.decided_at == conn.evidence[0] == Location("bot/.env", 1, key="SF_PASSWORD")
    finding = _ba103(result)
    assert finding.location == conn.decided_at
    assert len(finding.aliases) == 1


def test_the_json_report_is_unchanged_in_shape(tree: Path) -> None:
    from auditor.report import json as json_report

    data = json.loads(json.dumps(json_report.document(_scan(tree))))
    conn = next(c for a in data["agents"] for c in a["connections"] if c["platform"] == "salesforce")
    assert set(conn) == {
        "platform",
        "auth_model",
        "good_pattern",
        "identity_hint",
        "evidence",
        "credential_fingerprints",
        "reason",
    }
    ba103 = next(f for f in data["findings"] if f["rule_id"] == "BA-103")
    assert ba103["location"]["key"] == "SF_PASSWORD"
