"""How the detection benchmark reads the peers' rule generators (bench/peer_cases.py): a case the suite lists
among a rule's negatives under its own note that the rule misses it is a positive by the suite's word."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

# A rule generator in the peers' style, written for this test (made-up provider and values).
_RULE = '''package rules

func Widget() *config.Rule {
	r := config.Rule{
		RuleID: "widget-api-key",
	}
	tps := []string{
		`widget_key = "wdg9Tq4Lm2Rx8Vc6Nb3Hk7Pz"`, // gitleaks:allow
	}
	fps := []string{
		// Too short
		`widget_key = "wdg9Tq4"`,
		// False Negative
		`Widget.configure(secret: wdg4Hs8Kq2Mv6Xc9Lb3Rt7Nw)`, // gitleaks:allow
		"Widget.connect(" + "wdg7Jd3Fp9Wz5Qm1Tc8Ys4Gv" + ")",
		// Placeholder
		`widget_key = "wdg-your-key-here"`,
	}
	return utils.Validate(r, tps, fps)
}

func Gadget() *config.Rule {
	r := config.Rule{
		RuleID: "gadget-token",
	}
	fps := []string{
		// false negatives are listed elsewhere: this heading is about another rule
		`gadget_token = "short"`,
	}
	fps = append(fps,
		// False negative
		`Gadget(token=gdt5Rw9Kx3Mp7Vb2Lq8Hn4Tc)`,
	)
	return utils.Validate(r, nil, fps)
}
'''


class _Tree:
    def files(self, folder: str, suffix: str) -> Iterator[tuple[str, str]]:
        yield f"{folder}/widget.go", _RULE

    def read(self, path: str) -> str:
        raise KeyError(path)


@pytest.fixture(scope="module")
def bench() -> tuple[ModuleType, ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("peer_cases"), importlib.import_module("bench_detection")
    finally:
        sys.path.remove(str(BENCH))


def test_a_documented_miss_is_a_positive_and_the_other_negatives_stay(bench: tuple[ModuleType, ...]) -> None:
    peer_cases, _ = bench
    cases = peer_cases.gitleaks_style_cases(_Tree(), "peer").cases
    labels = {(c.rule, c.text): (c.positive, c.documented_miss) for c in cases}
    assert labels[("widget-api-key", "Widget.configure(secret: wdg4Hs8Kq2Mv6Xc9Lb3Rt7Nw)")] == (True, True)
    # The note heads a group: every element up to the next heading, a computed one too.
    assert labels[("widget-api-key", "Widget.connect(wdg7Jd3Fp9Wz5Qm1Tc8Ys4Gv)")] == (True, True)
    assert labels[("widget-api-key", 'widget_key = "wdg9Tq4"')] == (False, False)
    assert labels[("widget-api-key", 'widget_key = "wdg-your-key-here"')] == (False, False)
    assert labels[("widget-api-key", 'widget_key = "wdg9Tq4Lm2Rx8Vc6Nb3Hk7Pz"')] == (True, False)
    # A heading that only mentions false negatives in passing is not the note; `append` groups are read too.
    assert labels[("gadget-token", 'gadget_token = "short"')] == (False, False)
    assert labels[("gadget-token", "Gadget(token=gdt5Rw9Kx3Mp7Vb2Lq8Hn4Tc)")] == (True, True)


def test_documented_misses_are_kept_outside_the_draw(bench: tuple[ModuleType, ...]) -> None:
    peer_cases, bench_detection = bench
    drawn = [peer_cases.Case("peer", "r", f"key = value{n:02d}Xq7", True) for n in range(20)]
    miss = peer_cases.Case("peer", "r", "call(secret: Zk4Wq8Lm2)", True, documented_miss=True)
    chosen = bench_detection.select([*drawn, miss], 5, 7)
    assert miss in chosen
    # The draw of the other cases is the draw without the documented miss.
    assert chosen[:-1] == bench_detection.select(drawn, 5, 7)
