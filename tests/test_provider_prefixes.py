"""A value carrying a provider's prefix is judged by that provider's detector, not by the key-name rules."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.prefixes import ProviderPrefixes, is_distinctive, leading_literal, leading_literals
from auditor.model import Confidence

# Fake values only. GH_VALID carries a correct base62 CRC-32 suffix (it is a detector example); the others
# are it with the last character changed, cut short or lengthened.
GH_VALID = "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"
GH_BAD_CRC = GH_VALID[:-1] + "t"
GH_SHORT = GH_VALID[:-4]
GH_LONG = GH_VALID + "Qz7"
RANDOM_SECRET = "Zq8kLm2vR9xPw4TnB7cYh3Jd"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _hits(detectors: DetectorSet, text: str) -> list[tuple[str, Confidence, str]]:
    return [(h.detector.id, h.confidence, h.reason) for h in detectors.scan_text(text)]


def test_valid_github_token_is_a_confident_finding(detectors: DetectorSet) -> None:
    assert _hits(detectors, f"GITHUB_TOKEN={GH_VALID}") == [
        ("github-pat", Confidence.HIGH, "base62-crc32 check verifies")
    ]


def test_github_token_with_wrong_crc_is_not_a_confident_finding(detectors: DetectorSet) -> None:
    hits = _hits(detectors, f"GITHUB_TOKEN={GH_BAD_CRC}")
    assert hits, "still reported, so a reviewer sees it"
    assert all(conf is Confidence.LOW for _, conf, _ in hits)
    assert all(det_id == "github-pat" for det_id, _, _ in hits), "never re-reported by a generic rule"
    # The structured path (a .env or YAML scalar) agrees.
    values = detectors.scan_value("GITHUB_TOKEN", GH_BAD_CRC)
    assert values and all(h.confidence is Confidence.LOW for h in values)


@pytest.mark.parametrize(
    "text",
    [
        f"GITHUB_TOKEN={GH_SHORT}",
        f'github_token: "{GH_SHORT}"',
        "LANGSMITH_API_KEY=lsv2_pt_Qm3Z8x",
        "api_key: sk-ant-api03-Qm3Z8xR7vT2k",
        "GITLAB_TOKEN=glpat-Qm3Z8xR7v",
    ],
)
def test_prefixed_value_shorter_than_the_provider_issues_is_not_reported(
    detectors: DetectorSet, text: str
) -> None:
    assert _hits(detectors, text) == []


def test_prefixed_value_failing_the_format_otherwise_is_low_confidence_with_the_reason(
    detectors: DetectorSet,
) -> None:
    hits = _hits(detectors, f"GITHUB_TOKEN={GH_LONG}")
    assert len(hits) == 1
    det_id, conf, reason = hits[0]
    assert det_id.startswith("generic-")
    assert conf is Confidence.LOW
    assert reason == "has the github-pat prefix but fails its format/checksum"
    [value_hit] = detectors.scan_value("GITHUB_TOKEN", GH_LONG)
    assert value_hit.confidence is Confidence.LOW and "github-pat prefix" in value_hit.reason


@pytest.mark.parametrize(
    ("text", "detector_id"),
    [
        (f"API_KEY={RANDOM_SECRET}", "generic-api-key"),
        # `sk-` is shared by many providers: it proves nothing about who issued the value.
        (f"api_key: sk-{RANDOM_SECRET}", "generic-api-key"),
    ],
)
def test_values_without_a_distinctive_prefix_keep_the_generic_judgement(
    detectors: DetectorSet, text: str, detector_id: str
) -> None:
    hits = _hits(detectors, text)
    assert [(d, c) for d, c, _ in hits] == [(detector_id, Confidence.MEDIUM)]


def test_prefix_table_comes_from_the_detectors(detectors: DetectorSet) -> None:
    table = ProviderPrefixes(detectors.detectors)
    for prefix in ("ghp_", "github_pat_", "xoxb-", "glpat-", "npm_", "sk-ant-", "lsv2_"):
        assert prefix in table.prefixes
    for generic in ("sk-", "sk_", "pk_", "key-", "eyJ", "https://"):
        assert generic not in table.prefixes
    # A key-bound detector cannot judge a bare value: none of its prefixes is in the table.
    assert all("key" not in d.regex.groupindex for p in table.prefixes for d in table.owners_of(p))


@pytest.mark.parametrize(
    ("prefix", "distinctive"),
    [
        ("ghp_", True),
        ("github_pat_", True),
        ("dp.pt.", True),
        ("AIza", True),
        ("sk-ant-", True),
        ("sk-", False),
        ("hf_", False),
        ("key-", False),
        ("access-", False),
        ("dapi", False),  # the start of a lowercase word
        ("1000.", False),
        ("https://hooks.", False),
    ],
)
def test_is_distinctive(prefix: str, distinctive: bool) -> None:
    assert is_distinctive(prefix) is distinctive


def test_leading_literal_reads_the_secret_group() -> None:
    pattern = r"(?<![A-Za-z0-9_])(?P<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"
    assert leading_literal(pattern) == ("ghp_", 40)
    # Case-insensitive, key-bound or preceded by text: nothing the bare value can be judged by.
    assert leading_literal(r"(?i)(?P<secret>ghp_[a-z0-9]{36})") == ("", 0)
    assert leading_literal(r"(?P<key>token)\s*=\s*(?P<secret>ghp_[A-Za-z0-9]{36})") == ("", 0)
    assert leading_literal(r"token=(?P<secret>ghp_[A-Za-z0-9]{36})") == ("", 0)


def test_set_with_its_prefix_table_pickles(detectors: DetectorSet) -> None:
    assert _hits(detectors, f"GITHUB_TOKEN={GH_SHORT}") == []  # builds the table
    copy = pickle.loads(pickle.dumps(detectors))
    assert _hits(copy, f"GITHUB_TOKEN={GH_SHORT}") == []
    assert _hits(copy, f"GITHUB_TOKEN={GH_VALID}")[0][1] is Confidence.HIGH


def test_prefix_table_is_cached_and_recomputed_when_damaged_or_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOTAUDIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("BOTAUDIT_NO_CACHE", raising=False)
    patterns = [r"(?P<secret>ghp_[A-Za-z0-9]{36})", r"token=(?P<secret>[a-f0-9]{32})"]
    expected = {p: leading_literal(p) for p in patterns}
    assert leading_literals(patterns) == expected
    (entry,) = tmp_path.glob("prefixes-*.json")
    # Answers come from the entry on the next call: a doctored entry (same keys) is believed...
    entry.write_text(json.dumps({patterns[0]: ["xyz_", 1], patterns[1]: ["", 0]}))
    assert leading_literals(patterns)[patterns[0]] == ("xyz_", 1)
    # ...a damaged one is recomputed, and a changed pattern set gets its own entry and replaces the old one.
    entry.write_text("{not json")
    assert leading_literals(patterns) == expected
    changed = [*patterns, r"(?P<secret>glpat-[A-Za-z0-9_-]{20})"]
    assert leading_literals(changed)[changed[2]] == ("glpat-", 26)
    assert len(list(tmp_path.glob("prefixes-*.json"))) == 1


def test_prefix_table_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOTAUDIT_NO_CACHE", "1")
    pattern = r"(?P<secret>ghp_[A-Za-z0-9]{36})"
    assert leading_literals([pattern, pattern]) == {pattern: ("ghp_", 40)}
