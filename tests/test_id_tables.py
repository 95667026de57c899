"""A large mapping of distinct integer ids (a tokenizer's vocabulary) records no Settings by its keys
(structured.id_tables): `Ġsub` and `ittle` are word pieces, not a subject claim and a TTL. Everything else
about such a document, and every mapping that is not an id table, is read as before."""

from __future__ import annotations

import json

import pytest

from auditor.extract import structured
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes

_DETECTORS = DetectorSet.load()

# Word pieces a byte-level BPE vocabulary holds, several of which read as posture keys.
_PIECES = ["Ġsub", "ittle", "ĠHost", "ĠPolicy", "Ġauthority", "ĠGrammy", "Ġtoken", "ĠSeattle", "ıs", "ſt"]


def _vocab(size: int = 300) -> dict[str, int]:
    vocab = {piece: i for i, piece in enumerate(_PIECES)}
    for i in range(len(vocab), size):
        vocab[f"p{i:04d}"] = i
    return vocab


def _setting_keys(data: object, rel: str = "encoder.json") -> set[str]:
    scan = scan_bytes(rel, json.dumps(data, indent=1).encode(), _DETECTORS, fingerprint_key="t")
    assert not scan.skipped
    return {s.key for s in scan.settings}


def test_vocabulary_records_no_settings() -> None:
    assert _setting_keys(_vocab()) == set()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda v: v.update({"p0100": 5}), id="two keys share an id"),
        pytest.param(lambda v: [v.pop(k) for k in list(v)[255:]], id="255 entries"),
        pytest.param(lambda v: v.update({"p0100": "100"}), id="a string value"),
        pytest.param(lambda v: v.update({"p0100": True}), id="a boolean value"),
        pytest.param(lambda v: v.update({"p0100": 100.0}), id="a float value"),
    ],
)
def test_not_an_id_table_is_read_as_before(change: object) -> None:
    vocab = _vocab()
    change(vocab)  # type: ignore[operator]
    keys = _setting_keys(vocab)
    # The same document read key by key: its posture-looking keys are Settings again.
    assert {"Ġsub", "ittle", "ĠHost", "ĠPolicy", "Ġauthority"} <= keys


def test_nested_vocabulary_beside_configuration() -> None:
    # A Hugging Face tokenizer.json keeps its vocabulary under model.vocab; the configuration beside it
    # (and inside `model`) is still read.
    doc = {
        "model": {"type": "BPE", "vocab": _vocab(), "provider": "local"},
        "auth": {"token_url": "https://login.example.com/oauth2/token", "ttl": 3600},
    }
    keys = _setting_keys(doc, "tokenizer.json")
    assert keys == {"model.provider", "auth.token_url", "auth.ttl"}


def test_id_tables() -> None:
    vocab = _vocab()
    assert structured.id_tables(vocab) == {()}
    assert structured.id_tables({"a": {"b": [vocab, {"small": 1}]}}) == {("a", "b", 0)}
    assert structured.id_tables({str(i): i % 2 == 0 for i in range(300)}) == set()  # booleans: no ids
    assert structured.id_tables({str(i): i for i in range(structured.ID_TABLE_MIN - 1)}) == set()
