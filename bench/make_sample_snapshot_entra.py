"""Write sample_configs/snapshots/entra.json: the demo tenant, served by the Graph stand-in, collected."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.entra import EntraCollector  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from auditor.snapshot import dump_snapshot  # noqa: E402
from tests.standins.graph import (  # noqa: E402
    DEMO_BASELINE_UPN,
    DEMO_HR_BOT_CLIENT_ID,
    GraphStandIn,
    demo_tenant,
)

# The same fixed instant as the other sample snapshots, so ages in the demo report never drift.
NOW = datetime(2026, 11, 1, tzinfo=UTC)
DEMO_SECRET = "demo-secret-not-real-0000"


def main(out: Path = ROOT / "sample_configs" / "snapshots" / "entra.json") -> None:
    with GraphStandIn(demo_tenant(NOW, client_secret=DEMO_SECRET)) as standin:
        settings = standin.settings(DEMO_HR_BOT_CLIENT_ID)
        snapshot = EntraCollector(environ={"AZURE_CLIENT_SECRET": DEMO_SECRET}).collect(
            CollectRequest(
                identifiers=(DEMO_HR_BOT_CLIENT_ID,), baseline=DEMO_BASELINE_UPN, settings=settings
            ),
            clock=FixedClock(NOW),
            progress=NullProgress(),
        )
    # The stand-in's port changes per run; keep the file stable and honest about where it came from.
    facts = {**snapshot.facts, "graph_url": "https://graph.microsoft.com (demo stand-in)"}
    out.parent.mkdir(parents=True, exist_ok=True)
    dump_snapshot(replace(snapshot, facts=facts, source=f"entra:{snapshot.facts['tenant_id']} (demo)"), out)
    print(
        f"wrote {out.relative_to(ROOT)}: {len(snapshot.identities)} identities, {snapshot.requests} requests"
    )


if __name__ == "__main__":
    main()
