"""Precompiled dataclass methods (auditor/classcode.py): up to date, the same code as their text, and every
case the table cannot serve compiled the ordinary way."""

from __future__ import annotations

import dataclasses
import importlib
import io
import pkgutil
import subprocess
import sys
import types
from typing import Any

import pytest

import auditor._classcode
import auditor.model
from auditor import classcode
from auditor.model import FileScan, Location, Record

_THIS_PYTHON = pytest.mark.skipif(
    not classcode.serves_this_python(),
    reason=f"the tables hold Python {classcode.written_for()}'s dataclass texts; this interpreter compiles "
    "its own (test_on_another_python_the_tables_are_left_alone checks that)",
)


def _shape(code: Any) -> tuple[Any, ...]:
    """What a code object does, without where it was compiled from (file name, line numbers)."""
    consts = tuple(_shape(c) if hasattr(c, "co_code") else (type(c), c) for c in code.co_consts)
    return (code.co_name, code.co_code, code.co_names, code.co_varnames, code.co_freevars, consts)


def _tables() -> list[Any]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.iter_modules(auditor._classcode.__path__, "auditor._classcode.")
        if info.name != "auditor._classcode.__main__"
    ]


@_THIS_PYTHON
def test_tables_are_up_to_date() -> None:
    # A fresh interpreter imports every botaudit module and regenerates the tables: a model change without
    # `python -m auditor._classcode --write` fails here (and would only cost start-up, never correctness).
    done = subprocess.run(
        [sys.executable, "-m", "auditor._classcode"], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{done.stdout}{done.stderr}run: python -m auditor._classcode --write"


@_THIS_PYTHON
def test_every_entry_is_the_compilation_of_its_text() -> None:
    entries = 0
    for module in _tables():
        for text, (create, names) in module.TABLE.items():
            inner = next(c for c in create.__code__.co_consts if hasattr(c, "co_code"))
            assert _shape(inner) == _shape(classcode.inner_code(text)), text
            assert set(names) == classcode._global_names(classcode.inner_code(text))
            entries += 1
    assert entries > 150


@_THIS_PYTHON
def test_model_classes_use_the_tables_and_behave_as_dataclasses() -> None:
    init = Location.__init__
    assert init.__code__.co_filename.endswith("model.py") and "_classcode" in init.__code__.co_filename
    assert init.__module__ == "auditor.model"
    assert init.__qualname__ == "Location.__init__"
    loc = Location(path="a.env", line=3)
    assert loc == Location("a.env", 3) and hash(loc) == hash(Location("a.env", 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.line = 4  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del loc.path  # type: ignore[misc]
    assert dataclasses.replace(loc, line=9).line == 9
    with pytest.raises(TypeError):
        Location()  # type: ignore[call-arg]
    # Defaults and default factories as @dataclass sets them.
    scan = FileScan(path="x", format="env", size=1)
    assert scan.secrets == () and scan.commit is None


def _declare(module: str) -> type:
    """Location's twin, declared in `module` (the generated texts are Location's)."""
    lines = ["@dataclass(frozen=True, repr=False, eq=False)", "class Location(Record):"]
    for f in dataclasses.fields(Location):
        default = "" if f.default is dataclasses.MISSING else f" = {f.default!r}"
        lines.append(f"    {f.name}: {f.type}{default}")
    namespace = {"__name__": module, "dataclass": dataclasses.dataclass, "Record": Record}
    source = "from __future__ import annotations\n" + "\n".join(lines) + "\n"
    exec(compile(source, "<test>", "exec"), namespace)
    cls: type = namespace["Location"]
    return cls


@_THIS_PYTHON
def test_a_module_shadowing_a_global_the_code_uses_compiles_normally(monkeypatch: pytest.MonkeyPatch) -> None:
    served = _declare("auditor.model")
    assert "_classcode" in served.__setattr__.__code__.co_filename
    assert served("a", 2) == served(path="a", line=2)
    # The frozen __setattr__ calls `super`: where the class's module defines its own `super`, the real exec
    # resolves that one, so the table's function (resolving the builtin) must not be used.
    monkeypatch.setattr(auditor.model, "super", super, raising=False)
    shadowed = _declare("auditor.model")
    assert shadowed.__setattr__.__code__.co_filename == "<string>"
    assert "_classcode" in shadowed.__init__.__code__.co_filename  # type: ignore[misc]  # uses no global


def test_unknown_texts_and_modules_compile_normally(monkeypatch: pytest.MonkeyPatch) -> None:
    before = len(classcode.misses)

    @dataclasses.dataclass(frozen=True)
    class NotInAnyTable:
        a_field_no_table_has: int = 0

    assert NotInAnyTable.__init__.__code__.co_filename == "<string>"
    assert NotInAnyTable(3).a_field_no_table_has == 3
    assert len(classcode.misses) == before  # a test module is not botaudit's: not a miss
    monkeypatch.setitem(sys.modules, "someone_else", types.ModuleType("someone_else"))
    third_party = _declare("someone_else")
    assert third_party.__init__.__code__.co_filename == "<string>"  # type: ignore[misc]
    assert third_party("p").line == 0


@_THIS_PYTHON
def test_no_class_of_botaudit_misses_its_table() -> None:
    code = (
        "import importlib, pkgutil, auditor\n"
        "from auditor import classcode\n"
        "for info in pkgutil.walk_packages(auditor.__path__, 'auditor.'):\n"
        "    if not info.name.startswith('auditor._classcode') and not info.name.endswith('__main__'):\n"
        "        importlib.import_module(info.name)\n"
        "print(len(classcode.misses))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert done.stdout.strip() == "0", "run: python -m auditor._classcode --write"


def test_the_tables_name_the_python_that_wrote_them() -> None:
    assert classcode.written_for() == auditor._classcode.PYTHON
    assert len(auditor._classcode.PYTHON) == 2 and auditor._classcode.PYTHON[0] == 3
    # The README's supported versions include the one the tables serve.
    assert classcode.serves_this_python() == (
        sys.implementation.name == "cpython" and tuple(sys.version_info[:2]) == auditor._classcode.PYTHON
    )


def test_on_another_python_the_tables_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend the tables were written by another version: install() must leave `dataclasses` alone and every
    # class compile the ordinary way; the checker says there is nothing to check instead of listing every
    # file.
    other = (3, 99)
    monkeypatch.setattr(auditor._classcode, "PYTHON", other)
    assert not classcode.serves_this_python()
    monkeypatch.setattr(classcode, "_installed", False)
    monkeypatch.setattr(classcode, "active", False)
    monkeypatch.delitem(dataclasses.__dict__, "exec", raising=False)
    classcode.install()
    assert "exec" not in dataclasses.__dict__ and not classcode.active

    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int = 1

    assert Plain.__init__.__code__.co_filename == "<string>" and Plain(2).a == 2
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert classcode.main([]) == 0
    assert "written for Python 3.99" in out.getvalue() and "nothing to check" in out.getvalue()


def test_the_checker_rejects_unknown_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert classcode.main(["--wirte"]) == 2
    assert "usage: python -m auditor._classcode [--write]" in capsys.readouterr().err
