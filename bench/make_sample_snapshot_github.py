"""Write sample_configs/snapshots/github.json: the demo organisation, from the GitHub stand-in.

The MCP server's classic token in sample_configs/ide-mcp/.cursor/mcp.json is introspected as an agent
token, so the snapshot carries its keyed fingerprint and the scan joins the config to dana-eng's token
without naming it.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.github import GitHubCollector  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from auditor.snapshot import dump_snapshot  # noqa: E402
from tests.standins.github import (  # noqa: E402
    DEMO_AUDIT_TOKEN,
    DEMO_JUNIOR,
    DEMO_MCP_TOKEN,
    DEMO_ORG,
    GitHubStandIn,
    demo_world,
)

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def main(out: Path = ROOT / "sample_configs" / "snapshots" / "github.json") -> None:
    with GitHubStandIn(demo_world(NOW)) as standin:
        settings = standin.settings(token_env="AUDIT_TOKEN", tokens_env=["MCP_GITHUB_TOKEN"], orgs=[DEMO_ORG])
        snapshot = GitHubCollector(
            environ={"AUDIT_TOKEN": DEMO_AUDIT_TOKEN, "MCP_GITHUB_TOKEN": DEMO_MCP_TOKEN}
        ).collect(
            CollectRequest(baseline=DEMO_JUNIOR, settings=settings),
            clock=FixedClock(NOW),
            progress=NullProgress(),
        )
    facts = {**snapshot.facts, "api_url": "https://api.github.com (demo stand-in)"}
    out.parent.mkdir(parents=True, exist_ok=True)
    dump_snapshot(replace(snapshot, facts=facts, source="github:acme-demo (demo)"), out)
    print(
        f"wrote {out.relative_to(ROOT)}: {len(snapshot.identities)} identities, {snapshot.requests} requests"
    )


if __name__ == "__main__":
    main()
