"""Write sample_configs/snapshots/salesforce.json: the demo org served by the stand-in, collected live."""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.collectors.salesforce import SalesforceCollector  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from auditor.snapshot import dump_snapshot  # noqa: E402
from tests.standins.salesforce import (  # noqa: E402
    DEMO_BASELINE_USER,
    DEMO_INTEGRATION_USER,
    DEMO_REPORTING_APP,
    DEMO_REPORTING_CONSUMER_KEY,
    DEMO_REPORTING_USER,
    DEMO_SLACK_APP,
    DEMO_SLACK_CONSUMER_KEY,
    SalesforceStandIn,
    demo_org,
    make_keypair,
)

COLLECTED_AT = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--output", type=Path, default=ROOT / "sample_configs" / "snapshots" / "salesforce.json"
    )
    args = parser.parse_args()
    private, public = make_keypair()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "auditor.key").write_text(private)
        with SalesforceStandIn(demo_org(), workdir=work) as standin:
            standin.register_client("3MVG9DEMOauditorApp", public)
            request = CollectRequest(
                identifiers=(
                    DEMO_INTEGRATION_USER,
                    DEMO_REPORTING_USER,
                    DEMO_SLACK_CONSUMER_KEY,
                    DEMO_REPORTING_CONSUMER_KEY,
                ),
                baseline=DEMO_BASELINE_USER,
                settings={
                    "login_url": standin.url,
                    "consumer_key": "3MVG9DEMOauditorApp",
                    "private_key_file": str(work / "auditor.key"),
                    "username": DEMO_REPORTING_USER,
                    "ca_bundle": str(standin.ca_path),
                    "consumer_keys": {
                        DEMO_SLACK_APP: DEMO_SLACK_CONSUMER_KEY,
                        DEMO_REPORTING_APP: DEMO_REPORTING_CONSUMER_KEY,
                    },
                },
            )
            snap = SalesforceCollector(environ={}).collect(
                request, clock=FixedClock(COLLECTED_AT), progress=NullProgress()
            )
    # The stand-in's loopback address and port say nothing useful in a demo file.
    snap = replace(snap, source=f"acme-demo.my.salesforce.com (demo org, API v{snap.facts['api_version']})")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    dump_snapshot(snap, args.output)
    users = sum(1 for i in snap.identities if i.kind == "user")
    print(
        f"wrote {args.output}: {users} users, {len(snap.credentials)} credentials, {snap.requests} requests"
    )


if __name__ == "__main__":
    main()
