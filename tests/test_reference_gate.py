"""references.may_hold_any answers for a whole document's values at once: when it says no, parse finds no
reference in any of them, whatever the values hold (triggers at a text's edges, in capitals, beside
characters whose lowercase changes length or depends on what follows)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import references

_PIECES = [
    "${DB_PASSWORD}", "{{ .Values.token }}", "op://vault/item/field", "arn:aws:secretsmanager:x",
    "VAULT", "$", "{", "{env:KEY}", "environ", "/secrets/", "projects/p/secrets/s", "keyvault",
    "İ", "Σ", "ς", "ß", "\u0130NV", "a", "7", "Ġthe", "\n", " ", "va", "ult", "ar", "n:",
]  # fmt: skip
_texts = st.lists(st.lists(st.sampled_from(_PIECES), max_size=5).map("".join), min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(_texts, st.sampled_from([None, "password", "token", "name"]))
def test_no_trigger_in_the_joined_values_means_no_reference_in_any(texts: list[str], key: str | None) -> None:
    if not references.may_hold_any(texts):
        assert all(references.parse(text, key) == [] for text in texts)
    if any(references.parse(text, key) for text in texts):
        assert references.may_hold_any(texts)


def test_a_trigger_split_across_two_values_is_not_one() -> None:
    assert not references.may_hold_any(["the value is va", "ult-ish"])
    assert references.may_hold_any(["plain", "vault:secret/data/app#token"])
    assert not references.may_hold_any(["850", "1206", "1310"])  # a vocabulary's values
