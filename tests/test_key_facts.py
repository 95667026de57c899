"""The whole path's per-key shortcuts (issue 14, round 5) answer as the plain computations they stand for:
references.key_may_refer before from_key, structured._key_facts before the setting-key check. Each plain
question is asked of the real function beside the shortcut on generated keys, paths and values (hypothesis),
and on the keys that do answer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import references, structured
from auditor.extract.keynames import key_tokens
from auditor.extract.references import from_key, key_may_refer
from auditor.extract.tree import Doc, KeyPath, key_path
from auditor.extract.vocabulary import is_setting_key, setting_word
from auditor.model import ReferenceKind
from tests.test_structured_cost import _Recorder

# Keys built from the words and marks the rules look at, in any case, beside arbitrary text.
_WORDS = ["existingSecret", "existing_secret_name", "key", "file", "path", "secret", "id", "vault", "cert",
          "GOOGLE_APPLICATION_CREDENTIALS", "token", "pem", "name", "role", "value", "default",
          "0", "12"]  # fmt: skip
_word_keys = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(["_", "_", "-", "", ".", "[1]", "[", "]", "/", " "])),
    min_size=1,
    max_size=3,
).map(lambda parts: "".join(w + sep for w, sep in parts)[: -len(parts[-1][1]) or None])
_keys = st.one_of(_word_keys, _word_keys, _word_keys, st.text(max_size=8))
_cases = st.sampled_from([str.lower, str.upper, str.title, lambda s: s])
_values = st.sampled_from(
    [
        "./certs/server.key",
        "/run/secrets/app",
        "secret/data/app",
        "vault:1.1",
        "my-secret",
        "a.json",
        "~/x",
        "C:\\keys\\a.pem",
        "${X}",
        "{{ y }}",
        "",
        "plain",
        "x/y z",
    ]  # fmt: skip
) | st.text(max_size=12)
_paths = st.lists(st.one_of(_keys, st.integers(0, 3)), max_size=4).map(tuple)


@settings(max_examples=2000, deadline=None)
@given(_paths, _keys.flatmap(lambda k: _cases.map(lambda c: c(k))), st.booleans(), _values)
def test_a_key_that_may_not_refer_never_answers(above: KeyPath, key: str, indexed: bool, value: str) -> None:
    path = above + (key,) + ((0,) if indexed else ())
    # A key that may not refer never answers, whatever sits above it or the value.
    if not key_may_refer(key):
        assert from_key(path, value) is None


def test_the_keys_that_refer() -> None:
    for key in ("existingSecret", "EXISTINGSECRETNAME", "google_application_credentials", "SF_JWT_KEY_FILE",
                "secret_id_file_path", "tls-cert-file", "caPath"):  # fmt: skip
        assert key_may_refer(key), key
    for key in ("host", "url", "filename", "profile", "pathway", "secret", "0"):
        assert not key_may_refer(key), key
    assert from_key(("SF_JWT_KEY_FILE",), "./certs/server.key") == (ReferenceKind.FILE, "./certs/server.key")
    assert from_key(("salesforce", "existingSecret"), "sf-jwt") == (ReferenceKind.K8S_SECRET_REF, "sf-jwt")
    assert from_key(("host",), "./certs/server.key") is None


@settings(max_examples=1500, deadline=None)
@given(_paths, _keys.flatmap(lambda k: _cases.map(lambda c: c(k))))
def test_key_facts_answer_as_the_plain_questions(above: KeyPath, key: str) -> None:
    simple, refers = structured._key_facts(key)
    assert refers == key_may_refer(key)
    assert refers == _plain_may_refer(key)
    if simple:
        # Any path ending in the key, as iter_dotted_scalars spells it: the verdict is the whole path's.
        assert setting_word(key) == is_setting_key(key_path(above + (key,)))
        assert setting_word(key) == is_setting_key(key)
    else:
        assert "." in key or "[" in key or key.isdigit()


def _plain_may_refer(key: str) -> bool:
    tokens = key_tokens(key.replace("-", "_"))
    return (
        key.lower() in references._EXISTING_SECRET_KEYS
        or key.upper() == "GOOGLE_APPLICATION_CREDENTIALS"
        or (bool(tokens) and tokens[-1] in ("file", "path"))
    )


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("fFiIlLeEpPaAtThH_-.:/[]İıſKK0 é"), max_size=12))
def test_key_may_refer_without_the_words_agrees(key: str) -> None:
    # The prefilter (`file` or `path` in the lowered key) against the words, on keys of those letters and
    # the characters whose case folding is not plain ASCII.
    assert key_may_refer(key) == _plain_may_refer(key)


def test_key_facts_examples() -> None:
    assert structured._key_facts("client_id")[0] is True and setting_word("client_id") is True
    assert structured._key_facts("replicas")[0] is True and setting_word("replicas") is False
    assert structured._key_facts("a.client_id")[0] is False  # the dotted path decides
    assert structured._key_facts("7")[0] is False  # a digit key is judged by the key above it
    assert is_setting_key(key_path(("scopes", "7"))) is True
    assert structured._key_facts("caFilePath")[1] is True
    # The remembered facts are the ones computed.
    assert structured._KEY_FACTS.get("client_id") == structured._key_facts("client_id")


def _plain_key_tokens(key: str) -> tuple[str, ...]:
    """keynames.key_tokens as it was before round 5."""
    from auditor.extract.keynames import _KEY_SPLIT, CAMEL_1, CAMEL_2

    last = re.split(r"[./:\[\]]+", key.strip().strip("\"'"))
    segment = next((s for s in reversed(last) if s), "")
    segment = CAMEL_2.sub("_", CAMEL_1.sub(r"\1_\2", segment))
    return tuple(t for t in _KEY_SPLIT.split(segment.lower()) if t)


@settings(max_examples=3000, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("aAbBzZ019_-./:[] \"'\u00e9\u00c9\u0130\u0131\u017f\u212a\u01c5"),
        max_size=12,
    )
    | st.text(max_size=8)
)
def test_key_tokens_answers_as_before(key: str) -> None:
    # Case-folding corners: a capital after a digit, titlecase letters (`ǅ`: neither lower nor upper), the
    # non-ASCII partners of ASCII letters.
    assert key_tokens.__wrapped__(key) == _plain_key_tokens(key)


def test_key_tokens_examples() -> None:
    assert key_tokens.__wrapped__("AB1C") == ("ab1", "c") == _plain_key_tokens("AB1C")
    assert key_tokens.__wrapped__("HTTPServer_URL") == ("http", "server", "url")
    assert key_tokens.__wrapped__("mcp.env.slackBotToken") == ("slack", "bot", "token")
    assert key_tokens.__wrapped__("GITHUB_TOKEN") == ("github", "token")


@settings(max_examples=1000, deadline=None)
@given(_paths, _keys.flatmap(lambda k: _cases.map(lambda c: c(k))), st.integers(-(10**30), 10**30))
def test_an_integer_is_referred_to_only_under_existing_secret(above: KeyPath, key: str, number: int) -> None:
    # scan_doc asks from_key of an id table's entries (integers) only under such a key.
    path = above + (key,)
    if not references.existing_secret_key(key):
        assert from_key(path, str(number)) is None


def test_existing_secret_key_examples() -> None:
    assert references.existing_secret_key("existingSecret")
    assert from_key(("existingSecret",), "12") == (ReferenceKind.K8S_SECRET_REF, "12")
    assert not references.existing_secret_key("secret")


_table_keys = st.sampled_from(
    [
        "existingSecret",
        "EXISTINGSECRETNAME",
        "key_file",
        "url",
        "client_id",
        "0",
        "a.b",
        "value",
        "env",
        "tok",
    ]
)
_table_values = st.sampled_from(
    ["./certs/a.pem", "my-secret", "tok_x", "", "7", "https://x.example/p", "a.b"]
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(_table_keys, st.integers(-3, 10**6) | _table_values, max_size=6),
    st.sampled_from([("vocab",), ()]),
    st.booleans(),
)
def test_scan_doc_with_and_without_the_key_shortcuts(
    extra: dict[str, Any], where: KeyPath, env_root: bool
) -> None:
    """scan_doc records the same with its shortcuts (key facts, existing_secret_key for an id table's
    entries) as when each is made to answer "ask the plain question", on a document holding an id table."""
    table: dict[str, Any] = {f"w{i}": i for i in range(structured.ID_TABLE_MIN)}
    for key, value in extra.items():
        table[key] = len(table) + 10 if isinstance(value, str) else value + 10**7  # still distinct integers
    data: dict[str, Any] = {"settings": dict(extra), "items": [dict(extra)]}
    if where:
        data[where[0]] = table
    else:
        data.update(table)
    doc = Doc(data, {})
    fast, plain = _Recorder(False), _Recorder(False)
    structured.scan_doc(doc, fast, env_root=env_root)  # type: ignore[arg-type]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(structured, "_key_facts", lambda key: (False, True))
        patch.setattr(structured, "_KEY_FACTS", {})
        patch.setattr(references, "existing_secret_key", lambda key: True)
        structured.scan_doc(doc, plain, env_root=env_root)  # type: ignore[arg-type]
    assert fast.calls == plain.calls
    assert fast.detectors.shown == plain.detectors.shown
