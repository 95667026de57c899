"""manifests._ci and _find_key with their one-search prefilter (_may_hold_key, issue 14 round 5) answer as
the plain per-key loops they stand for, on mappings whose keys hold the characters that lower unevenly."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import manifests


def _plain_ci(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        wanted = key.lower()
        for k, v in node.items():
            if str(k).lower() == wanted:
                return v
    return None


def _plain_find_key(data: Any, key: str, depth: int = 3) -> Any:
    wanted = key.lower()
    frontier: list[tuple[tuple[str, ...], Any]] = [((), data)]
    for _ in range(depth):
        nxt: list[tuple[tuple[str, ...], Any]] = []
        for path, node in frontier:
            if isinstance(node, dict):
                if any(isinstance(k, str) and k.lower() == wanted for k in node):
                    return path, manifests._canonical(node)
                nxt.extend((path + (str(k),), v) for k, v in node.items() if isinstance(v, dict))
        frontier = nxt
    return None


_NAMES = ["Settings", "settings", "SETTINGS", "Connections", "MicrosoftAppId", "microsoftappid", "ab"]
# Σ lowers by its neighbours, İ to two characters, the Kelvin sign to k; a line break is the joint.
_keys = (
    st.sampled_from(_NAMES)
    | st.text(alphabet=st.sampled_from("aAbBsSkK\u212a\u0130\u03a3\u03c3\n_ "), max_size=6)
    | st.builds(
        lambda name, at, c: name[:at] + c + name[at:],
        st.sampled_from(_NAMES),
        st.integers(0, 8),
        st.sampled_from(["\n", "\u03a3", "\u0130", "\u212a", " "]),
    )  # fmt: skip
    | st.integers(0, 3)
    | st.none()
    | st.booleans()
)
_values = st.recursive(
    st.integers(0, 2) | st.text(max_size=2),
    lambda inner: st.dictionaries(_keys, inner, max_size=5),
    max_leaves=12,
)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=8), st.sampled_from(_NAMES + ["ab\u0130", "\u03a3a"]))
def test_ci_and_find_key_answer_as_the_plain_loops(node: dict[Any, Any], name: str) -> None:
    assert manifests._ci(node, name) == _plain_ci(node, name)
    assert manifests._find_key(node, name) == _plain_find_key(node, name)


def test_may_hold_key_examples() -> None:
    assert manifests._may_hold_key({"a": 1, "Settings": 2}, "settings")
    # A key holding a line break may answer True: the caller's loop then finds no match.
    assert manifests._may_hold_key({"a": 1, "x\nsettings": 3}, "settings")
    assert manifests._ci({"a": 1, "x\nsettings": 3}, "Settings") is None
    assert not manifests._may_hold_key({"a": 1, "Settingsx": 2}, "settings")
    assert manifests._may_hold_key({"\u212aey": 1}, "key")  # the Kelvin sign lowers to k
    assert manifests._ci({"\u212aey": 1}, "KEY") == 1
    assert manifests._ci({"x": 1, "connections": 2, "Connections": 3}, "Connections") == 2
