"""Benchmark the Salesforce collector: 10,000 users and 2,000 permission sets served by the stand-in."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.collectors.salesforce import SalesforceCollector  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from tests.standins.salesforce import SalesforceStandIn, generate_org, make_keypair  # noqa: E402

NOW = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--permission-sets", type=int, default=2_000)
    parser.add_argument("--referenced", type=int, default=25, help="usernames found in agent configs")
    parser.add_argument("--tokens-every", type=int, default=1, help="one OAuth token per N users")
    args = parser.parse_args()

    t0 = time.perf_counter()
    org = generate_org(args.users, args.permission_sets, tokens_every=args.tokens_every)
    build = time.perf_counter() - t0
    private, public = make_keypair()
    identifiers = tuple(f"user{i * 37 % args.users:05d}@bigorg.example" for i in range(args.referenced))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "k.pem").write_text(private)
        with SalesforceStandIn(org, workdir=work) as standin:
            standin.register_client("3MVG9BENCH", public)
            request = CollectRequest(
                identifiers=identifiers,
                baseline="user00003@bigorg.example",
                settings={
                    "login_url": standin.url,
                    "consumer_key": "3MVG9BENCH",
                    "private_key_file": str(work / "k.pem"),
                    "username": identifiers[0],
                    "ca_bundle": str(standin.ca_path),
                },
            )
            t1 = time.perf_counter()
            snap = SalesforceCollector(environ={}).collect(
                request, clock=FixedClock(NOW), progress=NullProgress()
            )
            elapsed = time.perf_counter() - t1
            targets = Counter(e.target for e in standin.log)
    rows = {k: len(v) for k, v in org.tables.items()}
    print(
        f"org: {rows['User']:,} users, {rows['PermissionSet']:,} permission sets, "
        f"{rows['PermissionSetAssignment']:,} assignments, {rows['ObjectPermissions']:,} object permissions, "
        f"{rows['OauthToken']:,} OAuth tokens (built in {build:.1f} s)"
    )
    print(f"referenced users: {args.referenced} (+ baseline)")
    print(f"collect time: {elapsed:.2f} s")
    print(f"requests: {snap.requests} ({', '.join(f'{k} {v}' for k, v in sorted(targets.items()))})")
    print(
        f"identities: {len(snap.identities)}, credentials: {len(snap.credentials)}, "
        f"coverage entries: {len(snap.coverage)}"
    )


if __name__ == "__main__":
    main()
