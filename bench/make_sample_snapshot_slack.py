"""Write sample_configs/snapshots/slack.json: the demo workspace, from the Slack stand-in.

The SalesOps bot's token in sample_configs/salesops-slackbot/.env is the token audited, so the snapshot
carries its keyed fingerprint and the scan joins the bot's config to its Slack identity without naming it.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.collectors.slack import SlackCollector  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from auditor.snapshot import dump_snapshot  # noqa: E402
from tests.standins.slack import DEMO_BOT_TOKEN, DEMO_JUNIOR_ID, SlackStandIn, demo_workspace  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def main(out: Path = ROOT / "sample_configs" / "snapshots" / "slack.json") -> None:
    with SlackStandIn(demo_workspace()) as standin:
        snapshot = SlackCollector(environ={"SLACK_BOT_TOKEN": DEMO_BOT_TOKEN}).collect(
            CollectRequest(baseline=DEMO_JUNIOR_ID, settings=standin.settings()),
            clock=FixedClock(NOW),
            progress=NullProgress(),
        )
    facts = {**snapshot.facts, "api_url": "https://slack.com/api/ (demo stand-in)"}
    out.parent.mkdir(parents=True, exist_ok=True)
    dump_snapshot(replace(snapshot, facts=facts), out)
    print(
        f"wrote {out.relative_to(ROOT)}: {len(snapshot.identities)} identities, {snapshot.requests} requests"
    )


if __name__ == "__main__":
    main()
