"""The structured path's cheaper forms (issue 14) answer as the forms they replaced: the walk over a
document's scalars, the per-document reference gate, the setting-key check, the value classifier's character
tests.
Each old form is kept here, as it was, and compared with the new one on generated input."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import references, values
from auditor.extract.tree import KeyPath, iter_scalars, key_path
from auditor.extract.vocabulary import _SETTING_KEY, is_setting_key


def _old_iter_scalars(
    data: Any, base: KeyPath = (), budget: int = 2_000_000
) -> Iterator[tuple[KeyPath, Any]]:
    stack: list[tuple[KeyPath, Any]] = [(base, data)]
    while stack:
        path, node = stack.pop()
        budget -= 1
        if budget < 0:
            return
        if isinstance(node, dict):
            stack.extend((path + (str(k),), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(node))))
        else:
            yield path, node


_scalars = st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(max_size=4)
_keys = st.text(max_size=3) | st.integers(0, 3) | st.booleans() | st.none()
_documents = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(_documents, st.sampled_from([(), ("spec",), ("a", 0), ("",)]), st.integers(0, 40))
def test_iter_scalars_walks_as_the_node_stack_did(data: Any, base: KeyPath, budget: int) -> None:
    from auditor.extract.tree import iter_dotted_scalars

    assert list(iter_scalars(data, base, budget)) == list(_old_iter_scalars(data, base, budget))
    assert list(iter_scalars(data, base)) == list(_old_iter_scalars(data, base))
    dotted = list(iter_dotted_scalars(data, base, budget))
    assert dotted == [(p, key_path(p), v) for p, v in _old_iter_scalars(data, base, budget)]


def test_iter_scalars_order_paths_and_budget() -> None:
    data = {"a": [1, {"b": None, 2: "x"}], "c": {}, "d": "y"}
    assert list(iter_scalars(data)) == [
        (("a", 0), 1),
        (("a", 1, "b"), None),
        (("a", 1, "2"), "x"),  # keys become text, as in the key paths
        (("d",), "y"),
    ]
    # Budget counts nodes in document order, containers included: root, a, a[0] -> only a[0] is yielded.
    assert list(iter_scalars(data, budget=3)) == [(("a", 0), 1)]
    assert list(iter_scalars("plain", ("k",))) == [(("k",), "plain")]
    assert list(iter_scalars("plain", budget=0)) == []
    deep: Any = "leaf"
    for _ in range(5000):  # no recursion limit
        deep = [deep]
    assert list(iter_scalars(deep)) == [((0,) * 5000, "leaf")]


_PIECES = [
    "${DB_PASSWORD}", "{{ .Values.token }}", "op://vault/item/field", "VAULT", "$", "%", "{env:KEY}",
    "environ", "/secrets/", "İ", "Σ", "ß", "\u0130NV", "a", "7", "\n", " ", "va", "ult", "ar", "n:", "ARN:",
]  # fmt: skip
_texts = st.lists(st.lists(st.sampled_from(_PIECES), max_size=5).map("".join), max_size=12)


@settings(max_examples=600, deadline=None)
@given(_texts)
def test_may_hold_each_names_every_text_with_a_trigger(texts: list[str]) -> None:
    held = references.may_hold_each(texts)
    assert held == {i for i, text in enumerate(texts) if references._TRIGGER.search(text.lower())}
    # parse finds nothing in a text left out; the gate for the whole document agrees.
    assert all(references.parse(text, "password") == [] for i, text in enumerate(texts) if i not in held)
    assert bool(held) == references.may_hold_any(texts)


def test_may_hold_each_at_the_joints_and_with_lengthening_capitals() -> None:
    assert references.may_hold_each(["the value is va", "ult-ish"]) == set()
    assert references.may_hold_each(["plain", "vault:secret/data/app#token", "x", "$HOME"]) == {1, 3}
    assert references.may_hold_each(["", "", "$"]) == {2}
    # `İ` lowers to two characters: positions move, so each text is searched alone.
    assert references.may_hold_each(["İİİ", "plain", "İ$X"]) == {2}
    assert references.may_hold_each([]) == set()


def _old_is_setting_key(path: str) -> bool:
    parts = (re.sub(r"\[\d+\]", "", path) if "[" in path else path).rsplit(".", 2)
    last = parts[-1]
    if last.isdigit() and len(parts) > 1:
        last = parts[-2]
    return bool(_SETTING_KEY.search(last))


_key_parts = st.sampled_from(
    ["auth", "token_url", "name", "x", "0", "12", "scopes", "user", "a.b", "", "Role", "[3]", "[x]", "host"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_key_parts | st.integers(0, 12), min_size=1, max_size=5))
def test_is_setting_key_judges_as_before(parts: list[str | int]) -> None:
    dotted = key_path(tuple(parts))
    assert is_setting_key(dotted) is _old_is_setting_key(dotted)
    assert is_setting_key(dotted) is _old_is_setting_key(dotted)  # remembered: the same verdict


def test_is_setting_key_examples() -> None:
    assert is_setting_key("spec.serviceAccountName")
    assert is_setting_key("oauth.scopes[3]")
    assert is_setting_key("auth.0")  # a list item judged by its list's key
    assert not is_setting_key("items[7].colour")
    assert not is_setting_key("data.value")


def _old_token_like(v: str, min_len: int, min_entropy: float) -> bool:
    if len(v) < min_len or any(c.isspace() for c in v):
        return False
    if values._WORDS.match(v):
        return False
    classes = sum(
        (
            any(c.islower() for c in v),
            any(c.isupper() for c in v),
            any(c.isdigit() for c in v),
            any(not c.isalnum() for c in v),
        )
    )
    n = len(v)
    entropy = -sum(c / n * math.log2(c / n) for c in Counter(v).values()) if v else 0.0
    return classes >= 2 and entropy >= min_entropy


_value_chars = st.sampled_from(list("aZ9_-./ \t\u00a0\u2003²٣ǅß!xyQ0"))


@settings(max_examples=600, deadline=None)
@given(st.text(_value_chars, max_size=30), st.sampled_from([0, 6, 10, 16]), st.sampled_from([0.0, 2.0, 3.2]))
def test_token_like_judges_as_before(v: str, min_len: int, min_entropy: float) -> None:
    # Unicode spaces (no-break, em), digits that are not decimal (`²`), Arabic digits, title case (`ǅ`).
    assert values._token_like(v, min_len, min_entropy) is _old_token_like(v, min_len, min_entropy)


_plain_pieces = st.sampled_from(
    [
        "word", "Words", "SECRET", " ", "\u00a0", "\u2003", "\t", "_", ".", "-", "'", "/", ",", "12", "2024",
        "a1B2c3D4e5F6g7H8", "0123456789abcdef0123456789abcdef", "8f14e45f-ceea-467f-a8f3-2d6e1b0f7c3a", "?",
        "!", "==", "x", "Zq9", "ghp_", "sk-",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(_plain_pieces, max_size=10).map("".join),
    st.sampled_from(
        [None, "password", "db_pass", "api_token", "client_secret", "description", "name", "url"]
    ),
)
def test_the_quick_question_agrees_with_the_full_judgement_on_words_and_spaces(
    value: str, key: str | None
) -> None:
    # is_secret_candidate rejects a value with a space or made of words before the plain check, outside a
    # password's name: it must still agree with the full, unremembered judgement.
    full = values.classify_value.__wrapped__  # type: ignore[attr-defined]
    assert values.is_secret_candidate(value, key) == (full(value, key) is values.ValueClass.SECRET_CANDIDATE)


# --- structured.scan_doc, against the form it replaced ---------------------------------------------------


def _old_scan_doc(doc: Any, ev: Any, *, env_root: bool = False, skip: Any = (), base: KeyPath = ()) -> None:
    from auditor.extract.formats import context_for_path
    from auditor.extract.structured import _list_env_entry, _pair_name, _variable_name, env_name
    from auditor.extract.tree import last_key, scalar_text

    scalars: list[Any] = []
    for path, value in _old_iter_scalars(doc.data if not base else doc.get(*base), base):
        if skip and any(path[: len(prefix)] == prefix for prefix in skip):
            continue
        text = scalar_text(value)
        if text is None or text == "":
            if text == "" and (name := env_name(doc, path, env_root)):
                scalars.append((path, "", name, None, True))
            continue
        name = _variable_name(path) or _pair_name(doc, path) or last_key(path)
        list_env = _list_env_entry(text, path)
        if list_env is not None:
            name, text = list_env
        scalars.append((path, text, name, list_env, False))
    found = ev.detectors.scan_values([(name, text) for _, text, name, _, empty in scalars if not empty])
    hits_of = iter(found)
    referenced = not ev.secrets_only and references.may_hold_any([text for _, text, *_ in scalars])
    for path, text, name, list_env, empty in scalars:
        if empty:
            if not ev.secrets_only:
                ev.setting(name, "", doc.line_of(path), key_path(path))
            continue
        dotted = key_path(path)
        hits = next(hits_of)
        if hits:
            line = doc.line_of(path)
            context = context_for_path(path, ev.kind.context)
            for hit in hits:
                ev.secret(hit, line=ev.locate(hit.value, line), key=dotted, context=context)
        if ev.secrets_only:
            continue
        for ref in references.parse(text, name) if referenced else ():
            ev.reference(ref.kind, ref.target, doc.line_of(path), dotted)
        keyed = references.from_key(path, text)
        if keyed is not None:
            ev.reference(keyed[0], keyed[1], doc.line_of(path), dotted)
        variable = list_env[0] if list_env else env_name(doc, path, env_root)
        if variable is not None:
            ev.setting(variable, "" if hits else text, doc.line_of(path), dotted)
        elif not hits and is_setting_key(dotted):
            ev.setting(dotted, text, doc.line_of(path), dotted, judge_as=name)


class _Hit:
    def __init__(self, value: str, name: str | None) -> None:
        self.value, self.name = value, name


class _Detectors:
    """Flags a value holding `tok_`, and remembers the (name, value) pairs it was shown."""

    def __init__(self) -> None:
        self.shown: list[Any] = []

    def scan_values(self, pairs: list[tuple[str | None, str]]) -> list[list[_Hit]]:
        self.shown.append(list(pairs))
        return [[_Hit(text, name)] if "tok_" in text else [] for name, text in pairs]


class _Recorder:
    """What scan_doc records, in order."""

    def __init__(self, secrets_only: bool) -> None:
        from types import SimpleNamespace

        from auditor.model import SecretContext

        self.secrets_only = secrets_only
        self.detectors = _Detectors()
        self.kind = SimpleNamespace(context=SecretContext.CONFIG)
        self.calls: list[Any] = []

    def locate(self, value: str, line: int) -> int:
        return line

    def place(self, value: str, line: int) -> tuple[int, int | None]:
        return line, None

    def secret(self, hit: _Hit, **kw: Any) -> None:
        # `at` (where `place` found the value; this recorder's place finds none) is Evidence's own concern.
        assert kw.pop("at", None) is None
        self.calls.append(("secret", hit.value, hit.name, kw))

    def reference(self, *args: Any) -> None:
        self.calls.append(("reference", *args))

    def setting(self, *args: Any, **kw: Any) -> None:
        self.calls.append(("setting", args, kw))


_doc_keys = st.sampled_from(
    [
        "env", "Environment", "variables", "value", "Value", "name", "Name", "default", "defaultValue",
        "parameters", "variable", "properties", "user_config", "ParameterKey", "ParameterValue", "headers",
        "environmentVariables", "existingSecret", "key_file", "GOOGLE_APPLICATION_CREDENTIALS", "auth", "url",
        "items", "API_TOKEN", "x", "",
    ]
)  # fmt: skip
_doc_values = st.sampled_from(
    [
        None, "", True, 7, 2.5, "plain", "KEY=val", "A_B=", "${DB_PASSWORD}", "$HOME", "tok_abc123",
        "vault:x", "./secrets/key.pem", "my-secret", "https://example.org", "{{ .Values.x }}", "API_KEY",
        "x=y=z",
    ]
)  # fmt: skip
_names = st.sampled_from(["API_TOKEN", "db_password", "region", ""])


def _containers(inner: Any) -> Any:
    """Any mapping or list, and the shapes whose values are named from elsewhere: Terraform and schema
    defaults, env lists of {name, value}, parameter files, {ParameterKey, ParameterValue} pairs."""
    return st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(_doc_keys, inner, max_size=4),
        st.builds(
            lambda block, name, value: {block: {name: {"default": value}}},
            st.sampled_from(["variable", "properties", "user_config", "param", "other"]),
            _names,
            inner,
        ),
        st.builds(
            lambda holder, name, value, key: {holder: [{"name": name, key: value}]},
            st.sampled_from(["env", "Environment", "environmentVariables", "headers", "x"]),
            _names,
            inner,
            st.sampled_from(["value", "default", "Value"]),
        ),
        st.builds(
            lambda key, name, value: {"parameters": {name: {key: value}}},
            st.sampled_from(["value", "defaultValue", "x"]),
            _names,
            inner,
        ),
        st.builds(
            lambda name, value, name_key, value_key: [{name_key: name, value_key: value}],
            _names,
            inner,
            st.sampled_from(["ParameterKey", "Name", "key", "option_name"]),
            st.sampled_from(["ParameterValue", "value", "OptionValue", "paramValue"]),
        ),
        st.builds(lambda entries: {"environment": entries}, st.lists(_doc_values, max_size=3)),
    )


_scan_docs = st.recursive(_doc_values, _containers, max_leaves=25)


@settings(max_examples=1500, deadline=None)
@given(_scan_docs, st.booleans(), st.booleans(), st.sampled_from([(), (("env",),), (("items", 0),)]))
def test_scan_doc_records_what_it_did_before(
    data: Any, env_root: bool, secrets_only: bool, skip: Any
) -> None:
    from auditor.extract.structured import scan_doc
    from auditor.extract.tree import Doc

    doc = Doc(data, {("env",): 3, ("items", 0): 5})
    bases: list[KeyPath] = [()]
    if isinstance(data, dict) and data:
        bases.append((next(iter(data)),))
    for base in bases:
        old, new = _Recorder(secrets_only), _Recorder(secrets_only)
        _old_scan_doc(doc, old, env_root=env_root, skip=skip, base=base)
        scan_doc(doc, new, env_root=env_root, skip=skip, base=base)  # type: ignore[arg-type]
        assert new.detectors.shown == old.detectors.shown
        assert new.calls == old.calls


def test_iter_dotted_scalars_gives_each_path_its_key_path() -> None:
    from auditor.extract.tree import iter_dotted_scalars

    data = {"a": [1, {"b.c": [[2]]}], "": {"q": 3}, "d": "y"}
    got = list(iter_dotted_scalars(data, ("root", 4)))
    assert [dotted for _, dotted, _ in got] == [
        "root[4].a[0]",
        "root[4].a[1].b.c[0][0]",
        "root[4]..q",
        "root[4].d",
    ]
    assert all(dotted == key_path(path) for path, dotted, _ in got)
    assert [d for _, d, _ in iter_dotted_scalars([[1], {"": 2}])] == ["[0][0]", "[1]."]


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(list("aAuUsSeErRnNlLhHoOtTkK_.-0ſıİ\u212a")), max_size=14))
def test_the_setting_key_pattern_lowered_agrees_with_ignoring_case(key: str) -> None:
    from auditor.extract.vocabulary import _setting_word

    assert _setting_word(key) is bool(_SETTING_KEY.search(key))


def test_the_setting_key_pattern_has_only_lowercase_literals() -> None:
    # _setting_word lowers an ASCII key and searches case-sensitively: right only while this holds.
    assert not any(c.isupper() for c in _SETTING_KEY.pattern)
    assert _SETTING_KEY.flags & re.IGNORECASE
    from auditor.extract.vocabulary import _setting_word

    # Letters that match ASCII ones only when case is ignored, and ASCII keys in capitals.
    for key in ("hoſt", "\u212aind", "İssued", "ıssued", "HOST", "roLe", "Service_Account"):
        assert _setting_word(key), key
    assert not _setting_word("colour") and not _setting_word("COLOUR")
