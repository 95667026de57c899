"""The quick path leaves out a file where the gate reports only detectors none of whose keywords occur.

docker-config-auth's regex matches a YAML `auth:` block (`\\s` takes the line break, the next key reads as a
value), but its keywords are the JSON keys `"auth"` and `"identitytoken"`: scan_text looks for matches only
around keyword hits, so such a file yields nothing of it, and the whole path's second gate returns what the
quick path does. Each case: the same FileScan with the gate on and off, and the quick path's answer.
"""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import _nothing_here, probe_partitions, scan_bytes
from auditor.extract.vectorscan import available

pytestmark = pytest.mark.skipif(not available(), reason="Vectorscan bindings not installed here")


@pytest.fixture(scope="module")
def plain() -> DetectorSet:
    return DetectorSet.load()


@pytest.fixture(scope="module")
def gated() -> DetectorSet:
    loaded = DetectorSet.load()
    assert loaded.use_gate(partitions=probe_partitions())
    return loaded


_AUTH_BLOCK = "service:\n  name: billing\nauth:\n  endpoint: https://login.example.test\n  timeout: 30\n"
_CASES = {
    # the YAML block: reported by the gate, no `"auth"` keyword, nothing to find
    "deploy/values.yaml": (_AUTH_BLOCK, True),
    # a Docker config with a real-looking login: the keyword occurs, the whole path runs and finds it
    "ci/docker/config.json": (
        '{"auths": {"registry.example.test": {"auth": "YWNtZS1jaTpUcTd2TTJ4UDlrTDR3Wg=="}}}\n',
        False,
    ),
    # the same block with auth evidence (a token endpoint setting): the whole path decides
    "deploy/oauth.yaml": (
        _AUTH_BLOCK + "grant_type: client_credentials\ntoken_url: https://x.test/token\n",
        False,
    ),
}


@pytest.mark.parametrize("rel", sorted(_CASES))
def test_unreachable_detectors_take_the_quick_path(plain: DetectorSet, gated: DetectorSet, rel: str) -> None:
    text, quick = _CASES[rel]
    data = text.encode()
    assert scan_bytes(rel, data, gated, fingerprint_key="t") == scan_bytes(
        rel, data, plain, fingerprint_key="t"
    )
    result, _probe = _nothing_here(rel, data, gated)
    assert (result is not None) is quick


def test_keyword_reachable(gated: DetectorSet) -> None:
    docker = next(i for i, det in enumerate(gated.detectors) if det.id == "docker-config-auth")
    assert not gated.keyword_reachable(_AUTH_BLOCK.encode(), {docker})
    assert gated.keyword_reachable(b'{"Auth": "x"}', {docker})  # keywords are caseless
    anchored = [i for i, det in enumerate(gated.detectors) if det.anchor is not None]
    if anchored:
        assert gated.keyword_reachable(b"nothing here", {anchored[0]})  # an anchor is never ruled out here
