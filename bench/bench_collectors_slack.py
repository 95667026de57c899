"""Benchmark the Slack collector on a stand-in workspace of 10,000 channels: time and request counts.

The bot is in every channel and the junior member in a quarter of them; requests grow with pages of 999.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.collectors.slack import SlackCollector  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from tests.standins.slack import DEMO_JUNIOR_ID, SlackStandIn, scale_workspace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--channels", type=int, default=10_000)
    args = parser.parse_args()
    workspace, token = scale_workspace(args.channels)
    with SlackStandIn(workspace) as standin:
        started = time.perf_counter()
        snapshot = SlackCollector(environ={"SLACK_BOT_TOKEN": token}).collect(
            CollectRequest(baseline=DEMO_JUNIOR_ID, settings=standin.settings(), timeout=120),
            clock=FixedClock(datetime(2026, 11, 1, tzinfo=UTC)),
            progress=NullProgress(),
        )
        elapsed = time.perf_counter() - started
        by_method: dict[str, int] = {}
        for r in standin.log:
            by_method[r.path.removeprefix("/api/")] = by_method.get(r.path.removeprefix("/api/"), 0) + 1
    bot = next(i for i in snapshot.identities if i.kind != "user")
    print(f"channels in workspace        : {args.channels}")
    print(f"bot channels                 : {bot.attributes['channels']}")
    print(f"collect time                 : {elapsed:.2f} s")
    print(f"HTTP requests (counted)      : {snapshot.requests}")
    print(f"  by method                  : {dict(sorted(by_method.items()))}")
    print(f"coverage entries             : {len(snapshot.coverage)}")
    print(f"unread parts (complete: {snapshot.complete!s:5}): {sorted({u.part for u in snapshot.unread})}")


if __name__ == "__main__":
    main()
