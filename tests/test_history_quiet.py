"""History's quiet path: a file version `yields_nothing` passes over must be one the full file scan finds
nothing in (no secret, no coverage entry), on everything botaudit ships and on the shapes that take the scan
down its other paths (binary, byte-order marks, latin-1, broken structure, manifests)."""

from __future__ import annotations

import base64
import hashlib

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import probe_partitions, scan_bytes, scan_secrets_if_any, yields_nothing
from auditor.extract.vectorscan import available
from tests.shipped_inputs import REPO, shipped_inputs

pytestmark = pytest.mark.skipif(not available(), reason="Vectorscan bindings not installed here")


@pytest.fixture(scope="module")
def probed() -> DetectorSet:
    loaded = DetectorSet.load()
    assert loaded.use_gate(partitions=probe_partitions())
    return loaded


SHAPES: list[tuple[str, bytes]] = [
    ("cfg/limits.yaml", b"token_limit_1: queue-12\nretries: 3\n"),
    ("cfg/plain.yaml", b"region: eu-west-1\nretries: 3\n"),
    ("cfg/anchors.yaml", b"base: &b {a: 1}\nother: *b\ntoken_limit: 3\n"),
    ("cfg/tabs.yaml", b"a:\n\tb: 1\n"),
    ("cfg/broken.json", b'{"token_limit": 3,'),
    ("cfg/ok.json", b'{"token_limit": 3}'),
    ("cfg/x.toml", b"token_limit = 3\n"),
    ("cfg/.env", b"GITHUB_TOKEN=ghp_" + hashlib.sha256(b"quiet").hexdigest()[:36].encode() + b"\n"),
    ("cfg/a.env", b"API_TOKEN=Zq8vR2mN4xW7tK1pL9sD3fG6hJ0cB5nM\n"),
    ("cfg/latin.yaml", b"name: caf\xe9\ntoken_limit: 3\n"),
    ("cfg/utf8.yaml", "name: café\ntoken_limit: 3\n".encode()),
    ("cfg/utf8.env", "# café ☕\nAPI_TOKEN=Zq8vR2mN4xW7tK1pL9sD3fG6hJ0cB5nM\n".encode()),
    ("src/i18n.ts", "// 中文 😀\nconst token = process.env.SLACK_TOKEN; // «jeton»\n".encode()),
    ("docs/naïve.md", "Mot de passe : « à personne ».\npassword = 'hunter2-Xy9!k2' 🙂\n".encode()),
    ("cfg/bom16.yaml", "token_limit: 3\n".encode("utf-16")),
    ("cfg/bom8.yaml", b"\xef\xbb\xbftoken_limit: 3\n"),
    ("bin/logo.bin", b"\x00\x01binary\x00" * 40),
    ("bin/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("cfg/control.txt", bytes(range(1, 9)) * 50),
    ("cfg/empty.yaml", b""),
    (".mcp.json", b'{"mcpServers": {"a": {"command": "x"}}}'),
    ("agent.py", b"from openai import OpenAI\nclient = OpenAI()\n"),
    ("cfg/allow.yaml", b"token: Zq8vR2mN4xW7tK1pL9sD3fG6hJ0cB5nM  # botaudit:allow\n"),
    # Source and prose with manifest or auth-evidence markers: parsed for hints, never for secrets.
    ("src/oauth.ts", b"const url = config.token_endpoint;\nconst id = settings.client_id;\n"),
    ("docs/mcp.md", b"Add an `mcpServers` entry and set apiVersion in the chart.\n"),
    # A Kubernetes Secret in a runbook: its data is base64, so no detector hit shows in the text.
    (
        "docs/deploy.md",
        b"Apply it:\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: bot\ndata:\n"
        b"  api_token: " + base64.b64encode(b"Zq8vR2mN4xW7tK1pL9sD3fG6hJ0cB5nM") + b"\n```\n",
    ),
]


def _holds_something(rel: str, data: bytes, detectors: DetectorSet) -> bool:
    scan = scan_bytes(rel, data, detectors, fingerprint_key="k")
    return bool(scan.secrets or scan.skipped)


def test_quiet_versions_are_versions_the_file_scan_finds_nothing_in(probed: DetectorSet) -> None:
    inputs = [(p.relative_to(REPO).as_posix(), p.read_bytes()) for p in shipped_inputs()] + SHAPES
    quiet = loud = 0
    for rel, data in inputs:
        if yields_nothing(rel, data, probed):
            quiet += 1
            assert not _holds_something(rel, data, probed), rel
        elif _holds_something(rel, data, probed):
            loud += 1
    # Not vacuous: both answers occur, and many files are passed over.
    assert quiet > 30 and loud > 50, (quiet, loud)


def test_the_benchmark_shape_is_quiet_and_a_secret_is_not(probed: DetectorSet) -> None:
    assert yields_nothing("cfg/limits.yaml", SHAPES[0][1], probed)
    assert yields_nothing("cfg/plain.yaml", SHAPES[1][1], probed)
    assert not yields_nothing("cfg/.env", SHAPES[7][1], probed)
    assert not yields_nothing("cfg/a.env", SHAPES[8][1], probed)


def test_markers_alone_do_not_keep_source_or_prose_but_an_embedded_secret_does(probed: DetectorSet) -> None:
    shapes = dict(SHAPES)
    for rel in ("src/oauth.ts", "docs/mcp.md"):
        assert yields_nothing(rel, shapes[rel], probed), rel
        assert not _holds_something(rel, shapes[rel], probed), rel
    assert not yields_nothing("docs/deploy.md", shapes["docs/deploy.md"], probed)
    assert scan_bytes("docs/deploy.md", shapes["docs/deploy.md"], probed, fingerprint_key="k").secrets


def test_without_the_gate_nothing_is_passed_over() -> None:
    plain = DetectorSet.load()  # no gate in use: no combined pass to decide with
    assert not yields_nothing("cfg/plain.yaml", SHAPES[1][1], plain)


def test_history_with_the_quiet_path_keeps_what_the_full_scan_keeps(
    probed: DetectorSet, tmp_path: pytest.TempPathFactory
) -> None:
    from auditor.discovery.history import HistoryWalk, iter_history, walk_history
    from auditor.extract import history
    from tests.test_history import Repo, _busy_history

    repo = Repo(tmp_path / "repo")  # type: ignore[operator]
    _busy_history(repo)
    walked = walk_history([repo.root], [""])
    full = history.only_in_history([history.scan_blob(b, probed, "k") for b in walked.blobs], [])
    quiet = [b for b in walked.blobs if yields_nothing(b.rel, history.read_blob(b), probed)]
    assert 0 < len(quiet) < len(walked.blobs)
    streamed = history.scan_history_blobs(
        iter_history([repo.root], [""], HistoryWalk()), [], probed, fingerprint_key="k", jobs=1
    )
    assert streamed == full and full


# What history keeps of a file version: its secrets and coverage, with what they need to be reported.
_KEPT = ("path", "format", "size", "secrets", "skipped", "allow_lines", "peer_allow")


def _sources() -> list[tuple[str, bytes]]:
    """Everything shipped, the shapes above, and source code that yields references, settings and hints."""
    code = (
        b"import os\nfrom autogen import AssistantAgent\n"
        b'helper = AssistantAgent(name="helper")\n'
        b'key = os.environ["OPENAI_API_KEY"]\n'
        b'GITHUB_TOKEN = "ghp_' + hashlib.sha256(b"code").hexdigest()[:36].encode() + b'"\n'
    )
    inputs = [(p.relative_to(REPO).as_posix(), p.read_bytes()) for p in shipped_inputs()] + SHAPES
    return [*inputs, ("src/agent.py", code), ("docs/setup.md", b"Set `OPENAI_API_KEY` in ${HOME}/.env\n")]


@pytest.mark.parametrize("gated", [True, False])
def test_secrets_if_any_keeps_exactly_what_the_full_scan_holds_of_secrets_and_coverage(
    probed: DetectorSet, gated: bool
) -> None:
    detectors = probed if gated else DetectorSet.load()
    dropped = kept = 0
    for rel, data in _sources():
        full = scan_bytes(rel, data, detectors, fingerprint_key="k")
        quick = scan_secrets_if_any(rel, data, detectors, fingerprint_key="k")
        if quick is None:
            assert yields_nothing(rel, data, detectors), rel
            assert not (full.secrets or full.skipped), rel
            continue
        kept += bool(quick.secrets)
        for name in _KEPT:
            assert getattr(quick, name) == getattr(full, name), (rel, name)
        assert not (quick.references or quick.settings or quick.manifests), rel
        dropped += bool(full.references or full.settings or full.manifests)
    # Not vacuous: versions with secrets were scanned, and the full scan had more to say of many of them.
    assert kept > 40 and dropped > 40, (kept, dropped)


def test_a_version_with_a_detector_hit_runs_the_detector_pass_once(
    probed: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    scan_text = DetectorSet.scan_text

    def counted(self: DetectorSet, text: str, **kwargs: object) -> object:
        calls.append(len(text))
        return scan_text(self, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(DetectorSet, "scan_text", counted)
    rel, data = SHAPES[8]  # a token under its key in an env file: a detector hit in the text
    scan = scan_secrets_if_any(rel, data, probed, fingerprint_key="k")
    assert scan is not None and scan.secrets
    assert len(calls) == 1
