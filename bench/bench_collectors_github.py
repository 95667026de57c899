"""Benchmark the GitHub collector on a stand-in organisation of 5,000 repositories and 2,000 members.

Counts round trips: they grow with pages (100 repositories or members a page), never one per repository.
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
from auditor.collectors.github import GitHubCollector  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from tests.standins.github import GitHubStandIn, scale_world  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repos", type=int, default=5000)
    parser.add_argument("--members", type=int, default=2000)
    args = parser.parse_args()
    world, env = scale_world(args.repos, args.members, NOW)
    with GitHubStandIn(world) as standin:
        settings = standin.settings(token_env="AUDIT_TOKEN", tokens_env=["AGENT_TOKEN"], orgs=["bench-org"])
        started = time.perf_counter()
        snapshot = GitHubCollector(environ=env).collect(
            CollectRequest(baseline="junior-dev", settings=settings, timeout=120),
            clock=FixedClock(NOW),
            progress=NullProgress(),
        )
        elapsed = time.perf_counter() - started
        by_kind: dict[str, int] = {}
        for r in standin.log:
            key = "POST graphql" if r.method == "POST" else "GET " + r.path.removeprefix("/api/v3")
            key = "GET /orgs/…" + key.split("bench-org", 1)[1] if "bench-org" in key else key
            by_kind[key] = by_kind.get(key, 0) + 1
    agent = next(i for i in snapshot.identities if i.kind != "user")
    print(f"repositories / members       : {args.repos} / {args.members}")
    print(f"agent token reach            : {len(snapshot.reach[agent.id])} capabilities")
    print(
        f"junior reach                 : {len(snapshot.reach.get(snapshot.baseline or '', ()))} capabilities"
    )
    print(f"collect time                 : {elapsed:.2f} s")
    print(f"HTTP requests (counted)      : {snapshot.requests}")
    print(f"  by kind                    : {dict(sorted(by_kind.items()))}")
    print(f"coverage entries             : {len(snapshot.coverage)}")
    print(f"unread parts (complete: {snapshot.complete!s:5}): {sorted({u.part for u in snapshot.unread})}")


if __name__ == "__main__":
    main()
