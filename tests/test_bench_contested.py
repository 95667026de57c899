"""The detection benchmark's contested negatives (bench/bench_detection.py): which peer negatives another
case calls positive, so a tool-level benchmark does not count them as false positives."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("bench_detection")
    finally:
        sys.path.remove(str(BENCH))


def _case(bench: ModuleType, rule: str, text: str, positive: bool, source: str = "peer-a") -> object:
    return bench.Case(source, rule, text, positive)


def test_secret_tokens_are_values_not_names(bench: ModuleType) -> None:
    tokens = bench.secret_tokens(
        'WIDGET_API_TOKEN="wq7Rk2Lm9Pz4Tn6Vb1Xc8Hd3"\nContent-Type: application/json\n'
        "auth_provider_x509_cert_url https://svc42.example-host.net/path\n"
        "passw0rd=mZ5nQ8rT2vW6yA1bC4dE7f==\n"
    )
    assert tokens == {"wq7Rk2Lm9Pz4Tn6Vb1Xc8Hd3", "mZ5nQ8rT2vW6yA1bC4dE7f=="}


def test_negative_sharing_a_token_with_another_rules_positive_is_contested(bench: ModuleType) -> None:
    admin = "zz-admin7-Qm3Rt8Wk2Lp5Vx9Nc4Bd"
    user = "zz-user4-Hd6Jf1Kg7Ls3Pq8Rt2Wv"
    cases = [
        _case(bench, "vendor-admin-key", f"key = {admin}", True),
        _case(bench, "vendor-user-key", f"token: {user}", True, source="peer-b"),
        # The user-key rule's negative is the admin rule's positive: contested.
        neg_admin := _case(bench, "vendor-user-key", admin, False),
        # A rule's own context-scoped negative (same token, another key name) stays a negative.
        neg_own := _case(bench, "vendor-user-key", f"sumOfThings = {user}", False),
        # Nothing shared: a negative.
        neg_plain := _case(bench, "vendor-user-key", "token: zz-user4-short", False),
    ]
    negatives = [neg_admin, neg_own, neg_plain]
    assert bench.contested(negatives, cases) == {neg_admin}


def test_negative_whose_whole_text_is_a_positive_is_contested(bench: ModuleType) -> None:
    text = '<item name="Secret" value="plainword" />'
    cases = [_case(bench, "config-secret", text, True), neg := _case(bench, "config-secret", text, False)]
    assert bench.contested([neg], cases) == {neg}


def test_score_leaves_contested_negatives_out_of_the_rate(bench: ModuleType) -> None:
    truth = [
        {"path": "p", "source": "s", "rule": "r", "positive": True, "realistic": True, "contested": False},
        {"path": "n1", "source": "s", "rule": "r", "positive": False, "realistic": False, "contested": True},
        {"path": "n2", "source": "s", "rule": "r", "positive": False, "realistic": False, "contested": False},
        {"path": "n3", "source": "s", "rule": "r", "positive": False, "realistic": False, "contested": False},
    ]
    stats = bench.score(truth, {"p", "n1", "n2"})["all"]
    assert stats["fp_rate_all"] == pytest.approx(2 / 3)
    assert stats["fp_rate"] == pytest.approx(1 / 2)
    assert (stats["contested"], stats["contested_fp"]) == (1, 1)
    rules = bench.by_rule(truth, {"p", "n1", "n2"})["s:r"]
    assert (rules["neg"], rules["fp"], rules["contested_fp"]) == (2, 1, 1)


def test_same_rule_context_negatives_are_reported_apart(bench: ModuleType) -> None:
    token = "Kq8Wm3Zr7Tx2Lp9Vn4Bc6Hd"
    cases = [
        _case(bench, "acme-token", f"acme_token = {token}", True),
        # The same string under a key without the provider's name: the suite calls it a negative of its rule.
        scoped := _case(bench, "acme-token", f"token = {token}", False),
        # A negative of another rule holding it is contested, not context-scoped.
        _case(bench, "other-token", f"other = {token}", False),
        plain := _case(bench, "acme-token", "acme_token = short", False),
    ]
    assert bench.same_rule([scoped, plain], cases) == {scoped}
    truth = [
        {"path": "a", "source": "s", "rule": "acme-token", "positive": True, "realistic": True},
        {"path": "b", "source": "s", "rule": "acme-token", "positive": False, "same_rule": True},
        {"path": "c", "source": "s", "rule": "acme-token", "positive": False},
        {"path": "d", "source": "s", "rule": "acme-token", "positive": False},
    ]
    stats = bench.score(truth, {"a", "b", "c"})["all"]
    # Still negatives for the goal's figure; the second figure leaves them out.
    assert (stats["fp_rate"], stats["fp_rate_no_same_rule"]) == (2 / 3, 1 / 2)
