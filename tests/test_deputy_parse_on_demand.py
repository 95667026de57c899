"""The confused-deputy pass parses a Python module only when it may hold an entry point or an entry point's
calls lead into it (issue 14: on microsoft/semantic-kernel it parsed 230 modules in the CLI's parent, after
the worker pool, to find no entry point in 229 of them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.collectors.code import deputy
from auditor.collectors.code.deputy import DeputyPath, find_paths, may_have_entry

DEPUTY = Path(__file__).parent / "data" / "iac" / "deputy"

_HANDLER = (
    "from directory import lookup\n\n"
    "{decorator}\n"
    "def handle(message, say):\n"
    "    say(lookup(message['user']))\n"
)
_DIRECTORY = (
    "import msal\n\n"
    "cca = msal.ConfidentialClientApplication('id', client_credential='x', authority='a')\n\n"
    "def lookup(user):\n"
    "    return cca.acquire_token_for_client(scopes=['https://graph.microsoft.com/.default'])\n"
)


def _every_module(files: Sequence[tuple[str, Path]]) -> list[DeputyPath]:
    """The paths as the pass found them before: every readable module parsed, an import read from a table of
    them all (the last of each name wins)."""
    modules = []
    for rel, disk in files:
        if rel.endswith(".py"):
            module = deputy._parse_python(rel, disk.read_text(encoding="utf-8", errors="replace"))
            if module is not None:
                modules.append(module)
    by_name = {m.name: m for m in modules}
    found = [
        p for rel, disk in files if not rel.endswith(".py") for p in deputy._js_paths(rel, disk.read_text())
    ]
    found += deputy._python_paths(modules, by_name.get)
    return sorted(found, key=lambda d: (d.path, d.line, d.platform))


def _write(root: Path, texts: dict[str, str]) -> list[tuple[str, Path]]:
    for rel, text in texts.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return [(rel, root / rel) for rel in sorted(texts)]


# Spellings of a Slack Bolt decorator Python accepts: spaces, a line continuation, or newlines and comments
# inside brackets between the object, the dot and the method.
_BETWEEN = st.sampled_from(["", " ", "\t", "\\\n", "\\\r\n"])
_IN_BRACKETS = st.sampled_from(["", " ", "\n", "  # the handler\n  ", "\r\n", "\f"])


@st.composite
def _decorators(draw: st.DrawFn) -> str:
    method = draw(st.sampled_from(sorted(deputy.BOLT_METHODS)))
    obj = draw(st.sampled_from(["app", "bolt.app", "self.app", "apps[0]"]))
    call = draw(st.sampled_from(["", "()", "('hello')", "(re.compile('x'))"]))
    if draw(st.booleans()):
        return f"@({obj}{draw(_IN_BRACKETS)}.{draw(_IN_BRACKETS)}{method}){call}"
    return f"@{obj}{draw(_BETWEEN)}.{draw(_BETWEEN)}{method}{call}"


@settings(max_examples=300, deadline=None)
@given(_decorators(), st.sampled_from(["", "# é\n", "'''ünïcode docstring'''\n"]))
def test_a_module_with_an_entry_point_may_have_one(decorator: str, head: str) -> None:
    text = head + _HANDLER.format(decorator=decorator)
    module = deputy._parse_python("bot.py", text)
    assert module is not None and module.entries, text
    assert may_have_entry(text)


@pytest.mark.parametrize(
    "name", ["on_message_activity", "on_teams_members_added", "on_turn", "on_invoke_activity"]
)
def test_a_bot_framework_handler_may_be_an_entry(name: str) -> None:
    text = f"class Bot:\n    async def {name}(self, turn_context):\n        pass\n"
    module = deputy._parse_python("bot.py", text)
    assert module is not None and module.entries
    assert may_have_entry(text)


@pytest.mark.parametrize(
    "text",
    [
        _DIRECTORY,
        "def messages(x):\n    return x.messages + x.events\n",  # `.messages`, `.events`: no method named
        "on_turns = 3\non_teams = 4\nview = 'v'\n",  # handler-like names; a bare method name
    ],
)
def test_an_ascii_module_without_entry_spellings_has_none(text: str) -> None:
    module = deputy._parse_python("m.py", text)
    assert module is not None and not module.entries
    assert not may_have_entry(text)


def test_a_non_ascii_module_is_always_read() -> None:
    # Python folds identifiers with NFKC: a fullwidth `ｍessage` is the attribute `message`.
    text = _HANDLER.format(decorator="@app.\uff4dessage")
    assert deputy._parse_python("bot.py", text).entries  # type: ignore[union-attr]
    assert may_have_entry(text)


def test_only_entry_modules_and_what_they_reach_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = {
        "bot.py": _HANDLER.format(decorator="@app.message('hi')"),
        "directory.py": _DIRECTORY,
        **{f"lib/util{i}.py": f"def helper{i}(x):\n    return x + {i}\n" for i in range(30)},
    }
    files = _write(tmp_path, texts)
    parsed: list[str] = []
    real = deputy._parse_python

    def counting(path: str, text: str) -> deputy._Module | None:
        parsed.append(path)
        return real(path, text)

    monkeypatch.setattr(deputy, "_parse_python", counting)
    (path,) = find_paths(files)
    assert sorted(parsed) == ["bot.py", "directory.py"]
    assert (path.platform, path.client_path) == ("entra", "directory.py")


@pytest.mark.parametrize("later", ["valid", "broken", "unrelated"])
def test_an_import_reads_the_last_module_of_its_name_that_parses(tmp_path: Path, later: str) -> None:
    later_text = {
        "valid": _DIRECTORY.replace("msal.ConfidentialClientApplication", "boto3.client"),
        "broken": "def lookup(user:\n",
        "unrelated": "def other():\n    pass\n",
    }[later]
    files = _write(
        tmp_path,
        {
            "bot.py": _HANDLER.format(decorator="@app.command('/who')"),
            "a/directory.py": _DIRECTORY,
            "z/directory.py": later_text,
        },
    )
    found = find_paths(files)
    assert found == _every_module(files)
    platforms = {"valid": ["aws"], "broken": ["entra"], "unrelated": []}[later]
    assert [p.platform for p in found] == platforms


@pytest.mark.parametrize("folder", sorted(p.name for p in DEPUTY.iterdir()))
def test_the_fixtures_paths_are_those_of_parsing_every_module(folder: str) -> None:
    files = [(p.name, p) for p in sorted((DEPUTY / folder).iterdir())]
    assert find_paths(files) == _every_module(files)
