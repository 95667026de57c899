"""A Vault token that cannot list ACL policies leaves the platform partial (exit 3, not a pass), and a
trickling answer is bounded by the request deadline; against the real OpenBao dev server (issue 10: 1, 7)."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

from typer.testing import CliRunner

from auditor.clock import FixedClock
from auditor.collectors.interface import CollectRequest
from auditor.collectors.vault import VaultCollector
from auditor.progress import NullProgress
from tests.standins.aws import RecordingProxy
from tests.standins.vault import BaoServer, bao, create_token, write_policy  # noqa: F401
from tests.test_vault_collector import NOW

ALL = '["create", "read", "update", "delete", "list", "sudo"]'


def _tree(tmp_path: Path, addr: str, token: str, baseline: str) -> Path:
    tree = tmp_path / "tree"
    (tree / "bot").mkdir(parents=True)
    (tree / "bot" / ".env").write_text(f"VAULT_ADDR={addr}\nVAULT_TOKEN={token}\n")
    (tree / "botaudit.yaml").write_text(
        f'version: 1\nagents:\n  - name: bot\n    paths: ["bot/**"]\nbaseline:\n  vault: [{baseline}]\n'
    )
    return tree


def _scan(tree: Path, out: Path, addr: str, token: str) -> tuple[int, str, dict[str, object]]:
    from auditor.cli import app

    result = CliRunner().invoke(
        app,
        # The token committed in .env is itself a high finding (BA-101): gate on critical, as BA-301 is.
        ["scan", str(tree), "--connect", "vault", "--no-progress", "--fail-on", "critical"]
        + ["--format", "json", "-o", str(out)],
        env={"VAULT_ADDR": addr, "VAULT_TOKEN": token, "NO_COLOR": "1"},
    )
    return result.exit_code, result.output, json.loads(out.read_text(encoding="utf-8"))


def test_token_that_cannot_list_policies_exits_3_where_a_full_read_exits_1(
    bao: BaoServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    tag = uuid.uuid4().hex[:8]
    write_policy(bao, f"pp-admin-{tag}", f'path "*" {{ capabilities = {ALL} }}')
    write_policy(bao, f"pp-junior-{tag}", 'path "secret/data/pp/*" { capabilities = ["read"] }')
    write_policy(
        bao,
        f"pp-no-acl-list-{tag}",
        'path "sys/policies/acl" { capabilities = ["deny"] }\n'
        'path "sys/policies/acl/" { capabilities = ["deny"] }\n',
    )
    full = create_token(bao, [f"pp-admin-{tag}"], ttl="1h")["client_token"]
    restricted = create_token(bao, [f"pp-admin-{tag}", f"pp-no-acl-list-{tag}"], ttl="1h")["client_token"]

    code, output, report = _scan(
        _tree(tmp_path / "a", bao.addr, full, f"pp-junior-{tag}"), tmp_path / "full.json", bao.addr, full
    )
    assert code == 1, output
    assert "BA-301" in {f["rule_id"] for f in report["findings"]}  # type: ignore[union-attr]

    code, output, report = _scan(
        _tree(tmp_path / "b", bao.addr, restricted, f"pp-junior-{tag}"),
        tmp_path / "restricted.json",
        bao.addr,
        restricted,
    )
    # Was exit 0: the policies could not be read, so nothing was found.
    assert code == 3, output
    assert "vault only partly collected: policies not read" in output
    coverage = report["coverage"]
    assert coverage["platforms_partial"] == ["vault"]  # type: ignore[index]
    not_evaluated = {(n["rule_id"], n["subject"]) for n in coverage["not_evaluated"]}  # type: ignore[index]
    assert {("BA-301", "vault"), ("BA-302", "vault")} <= not_evaluated
    (collector,) = report["collectors"]  # type: ignore[misc]
    assert [u["part"] for u in collector["unread"]] == ["policies"]
    assert collector["unread"][0]["category"] == "access_denied"
    for gap in report["gaps"]:  # type: ignore[union-attr]
        assert gap["partial"] is True and gap["unknown"]
    assert restricted not in output and full not in output


def test_trickled_policy_list_is_bounded_by_the_request_deadline(
    bao: BaoServer,  # noqa: F811
    monkeypatch,
) -> None:
    proxy = RecordingProxy(bao.addr).start()
    proxy.inject(
        lambda r: r.method == "LIST" and r.path.startswith("/v1/sys/policies/acl"),
        200,
        b" " * 10_000,
        {"Content-Type": "application/json"},
        times=99,
        trickle=0.3,
    )
    monkeypatch.setenv("VAULT_TOKEN", bao.root_token)
    request = CollectRequest(settings={"addr": proxy.url}, request_deadline=1.0, platform_budget=30.0)
    try:
        started = time.monotonic()
        snap = VaultCollector().collect(request, clock=FixedClock(NOW), progress=NullProgress())
        elapsed = time.monotonic() - started
    finally:
        proxy.stop()
    assert elapsed < 15, elapsed
    (part,) = [u for u in snap.unread if u.part == "policies"]
    assert part.category == "timeout" and part.affects_reach
    assert not snap.complete


def test_platform_budget_spent_is_partial_not_a_hang(bao: BaoServer, monkeypatch) -> None:  # noqa: F811
    """Every request stalls: the 2 s budget ends the collection; what was not read is unread (exit 3)."""
    proxy = RecordingProxy(bao.addr).start()
    proxy.inject(lambda r: not r.path.endswith("lookup-self"), 200, b"{}", times=999, stall=60)
    monkeypatch.setenv("VAULT_TOKEN", bao.root_token)
    request = CollectRequest(settings={"addr": proxy.url}, request_deadline=0.5, platform_budget=2.0)
    try:
        started = time.monotonic()
        snap = VaultCollector().collect(request, clock=FixedClock(NOW), progress=NullProgress())
        elapsed = time.monotonic() - started
    finally:
        proxy.stop()
    assert elapsed < 8, elapsed
    categories = {u.category for u in snap.unread}
    assert {"policies", "mounts", "audit_devices"} <= {u.part for u in snap.unread}
    assert categories <= {"timeout", "budget"} and "budget" in categories
