"""Benchmark the Entra collector on a stand-in tenant of 5,000 service principals: time and request counts."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.entra import EntraCollector  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from tests.standins.graph import GraphStandIn, generated_tenant  # noqa: E402

SECRET = "bench-secret-not-real-0000"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--service-principals", type=int, default=5000)
    parser.add_argument("--identifiers", type=int, default=10, help="client ids referenced by configs")
    args = parser.parse_args()
    tenant = generated_tenant(args.service_principals)
    tenant.register_client("bench-client", secret=SECRET)
    owner = tenant.users[0]["userPrincipalName"]
    # Configs reference a few ordinary (unprivileged) apps: each costs batched per-object calls.
    referenced = tuple(sp["appId"] for sp in tenant.service_principals[1 : 1 + args.identifiers])
    with GraphStandIn(tenant) as standin:
        request = CollectRequest(
            identifiers=referenced, baseline=owner, settings=standin.settings("bench-client"), timeout=60
        )
        started = time.perf_counter()
        snapshot = EntraCollector(environ={"AZURE_CLIENT_SECRET": SECRET}).collect(
            request, clock=FixedClock(datetime(2026, 11, 1, tzinfo=UTC)), progress=NullProgress()
        )
        elapsed = time.perf_counter() - started
        outer = [r for r in standin.log if not r.inner]
        inner = [r for r in standin.log if r.inner]
    by_kind: dict[str, int] = {}
    for r in outer:
        key = (
            "$batch POST"
            if r.path.endswith("$batch")
            else r.path.split("/")[2]
            if r.path.startswith("/v1.0")
            else "auth"
        )
        by_kind[key] = by_kind.get(key, 0) + 1
    detailed = len(snapshot.facts["details_collected_for"])
    print(f"service principals in tenant : {args.service_principals}")
    print(f"identities in snapshot       : {len(snapshot.identities)}")
    print(f"per-object detail for        : {detailed} principals (referenced + privileged)")
    print(f"collect time                 : {elapsed:.2f} s")
    print(f"HTTP requests (counted)      : {snapshot.requests}")
    print(f"  by kind                    : {dict(sorted(by_kind.items()))}")
    print(f"  requests inside $batch     : {len(inner)}")
    print(f"coverage entries             : {len(snapshot.coverage)}")


if __name__ == "__main__":
    main()
