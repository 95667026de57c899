"""The whole path's shortcuts of issue 14's fourth round, each against what it replaces: an env file scanned
flat (structured._scan_flat) against scan_doc's walk, load_env's plain-value branch against the line loop it
came from, values.holds_space against str.isspace, the reference finder's memory against a fresh search."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import references, structured
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.extract.lineformats import load_env
from auditor.extract.tree import Doc, KeyPath
from auditor.extract.values import holds_space

_DETECTORS = DetectorSet.load()

# ------------------------------------------------------------------------------------------ holds_space


def test_holds_space_is_str_isspace_for_every_character() -> None:
    for code in range(0x110000):
        ch = chr(code)
        want = ch.isspace()
        assert holds_space(ch) is want, hex(code)
        assert holds_space("a" + ch + "b") is want, hex(code)
        assert holds_space(ch + "a") is want, hex(code)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1 \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000\u200b_-"), max_size=12))
def test_holds_space_is_any_isspace(text: str) -> None:
    assert holds_space(text) is any(map(str.isspace, text))


# ------------------------------------------------------------------------------------------ load_env

_ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.\-]*)\s*=\s?(.*)$")
_INLINE_COMMENT = re.compile(r"\s#")


def _old_unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        return inner.replace("\\n", "\n") if raw[0] == '"' else inner
    comment = _INLINE_COMMENT.search(raw) if "#" in raw else None
    return raw[: comment.start()].rstrip() if comment else raw


def _old_load_env(text: str) -> Doc:
    """load_env as it was before its plain-value branch (main 020f05d)."""
    data: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    source = text.splitlines()
    index = 0
    while index < len(source):
        line_no = index + 1
        match = _ENV_LINE.match(source[index])
        index += 1
        if match is None:
            continue
        key, raw = match.group(1), match.group(2).strip()
        if raw[:1] in ("'", '"'):
            quote = raw[0]
            parts = [raw[1:]]
            while quote not in parts[-1] and index < len(source):
                parts.append(source[index])
                index += 1
            body = "\n".join(parts)
            end = body.find(quote)
            value = body if end < 0 else body[:end]
            data[key] = value.replace("\\n", "\n") if quote == '"' else value
        elif raw.startswith("#") and (
            match.group(2)[:1].isspace() or source[index - 1][match.start(2) - 1].isspace()
        ):
            data[key] = ""
        else:
            data[key] = _old_unquote(raw)
        lines[(key,)] = line_no
    return Doc(data, lines, 1)


_ENV_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "plain",
            "a # comment",
            "a#b",
            "# only",
            " # spaced",
            "'single'",
            '"double\\nline"',
            '"open',
            "'open",
            "x'",
            "'a' # c",
            "${HOME}/x",
            "\u00a0nbsp",
            "tab\tvalue",
        ]
    ),
    st.text(alphabet="ab #'\"=\\\t \u00a0\u2028$", max_size=10),
)
_ENV_LINES = st.one_of(
    st.tuples(
        st.sampled_from(["", "export ", "  ", "\t"]),
        st.sampled_from(["KEY", "A_B", "x.y", "k-1", "KEY"]),
        st.sampled_from(["=", " = ", "= ", "=  "]),
        _ENV_VALUES,
    ).map("".join),
    st.sampled_from(["", "# comment", "not a line", "-----BEGIN-----", '"', "'"]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ENV_LINES, max_size=10), st.sampled_from(["\n", "\r\n", "\r"]))
def test_load_env_is_the_line_loop(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    new, old = load_env(text), _old_load_env(text)
    assert list(new.data.items()) == list(old.data.items())
    assert dict(new.lines) == dict(old.lines)
    assert new.line == old.line


# ------------------------------------------------------------------------------------------ _scan_flat


def _scan(rel: str, text: str, monkeypatch: pytest.MonkeyPatch, flat: bool) -> Any:
    with monkeypatch.context() as m:
        if not flat:
            m.setattr(structured, "_scan_flat", lambda doc, ev: False)
        return scan_bytes(rel, text.encode(), _DETECTORS, fingerprint_key="t")


_TOKEN = "".join("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789"[(i * 7) % 46] for i in range(36))
_FLAT_VALUES = st.sampled_from(
    [
        "",
        "true",
        "30",
        "https://example.invalid/callback",
        "${DB_PASSWORD}",
        "{{ .Values.token }}",
        "${{ secrets.DEPLOY_TOKEN }}",
        "./secrets/service.pem",
        "/run/secrets/app-key",
        "my-app-secret",
        "audit_stream_prod",
        "Zq8vX2mN4pL7rT1wY5kJ9bH3cF6dG0sA",
        "ghp_" + _TOKEN,
        "user@example.invalid",
        "8d7cd8800c7c0b23c9617dac0476e803d49b29e6",
        "op://vault/item/field",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:app",
        "password123",
        '"quoted value"',
        "a # comment",
    ]
)
_FLAT_KEYS = st.sampled_from(
    [
        "DB_PASSWORD",
        "API_TOKEN",
        "GITHUB_TOKEN",
        "CLIENT_ID",
        "AZURE_TENANT_ID",
        "SERVICE_KEY_FILE",
        "GOOGLE_APPLICATION_CREDENTIALS",
        "existingSecret",
        "LOG_LEVEL",
        "CALLBACK_URL",
        "VALUE",
        "default",
        "ADMIN_USER",
        "SESSION_TTL",
        "OAUTH_GRANT_TYPE",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_FLAT_KEYS, _FLAT_VALUES), min_size=1, max_size=14))
def test_env_file_scanned_flat_as_walked(pairs: list[tuple[str, str]]) -> None:
    text = "".join(f"{key}={value}\n" for key, value in pairs)
    with pytest.MonkeyPatch.context() as monkeypatch:
        for rel in (".env", "deploy/.env.production"):
            assert _scan(rel, text, monkeypatch, True) == _scan(rel, text, monkeypatch, False)


def test_scan_flat_answers_env_documents_only() -> None:
    """Documents that are not one flat mapping of non-empty text keys to text values are left to the walk."""

    class _Refuse:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"_scan_flat used the evidence ({name}) of a document it must refuse")

    refuse: Any = _Refuse()
    for data in ({"a": {"b": "c"}}, {"a": 1}, {"": "x"}, {1: "x"}, ["a"], "text", {"a": None}):
        assert structured._scan_flat(Doc(data, {}, 1), refuse) is False


def test_env_file_with_a_secret_and_references_scanned_flat(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        f"GITHUB_TOKEN=ghp_{_TOKEN}\nDB_PASSWORD=${{DB_PASSWORD}}\nSERVICE_KEY_FILE=./secrets/service.pem\n"
        "EMPTY=\nLOG_LEVEL=debug\n"
    )
    flat, walked = _scan(".env", text, monkeypatch, True), _scan(".env", text, monkeypatch, False)
    assert flat == walked
    assert flat.secrets and flat.references and flat.settings  # the comparison covers all three


# ------------------------------------------------------------------------------------------ references


_REF_TEXTS = st.one_of(
    st.sampled_from(
        [
            "${DB_PASSWORD}",
            "${{ secrets.TOKEN }}",
            "{{ .Values.apiKey }}",
            "op://vault/item/password",
            "$API_TOKEN",
            "prefix-${X}-${SECRET_KEY}",
            "50%",
            "plain",
            "",
        ]
    ),
    st.text(alphabet="${}()%:/.op_AKTEN ", max_size=24),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_REF_TEXTS, min_size=1, max_size=6), st.sampled_from([None, "token", "name", "DB_PASSWORD"]))
def test_remembered_references_are_a_fresh_search(texts: list[str], key: str | None) -> None:
    references._REMEMBERED.clear()
    for text in texts + texts:
        copy = "".join(list(text))  # an equal text in another object: not the identity shortcut
        assert references._find_all(copy) == references._search_all(text)
        assert references.parse(copy, key) == references.parse(text, key)
    assert all(len(t) <= references._REMEMBER_CHARS and found for t, found in references._REMEMBERED.items())
