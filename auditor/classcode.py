"""Dataclass methods compiled ahead of time: `@dataclass` without compiling source at every start-up.

`@dataclass` writes each class's `__init__` (and a frozen class's `__setattr__` / `__delattr__`, and
`__eq__`, `__repr__`, `__hash__` where asked) as Python source text and compiles it with `exec` while the
class is created. botaudit declares about 60 dataclasses on the way to a scan; compiling their ~170 generated
functions was about a quarter of the CPU of `botaudit scan` on three files (~45 ms), paid by every
pre-commit hook run.

The text `@dataclass` generates for a given class is fixed, so its functions can be compiled once, like any
module: `auditor/_classcode/` holds, per botaudit module, each text its classes produce as ordinary function
definitions (Python keeps their bytecode in `__pycache__` as for any module), keyed by the exact text.
`install()` gives the `dataclasses` module an `exec` that, for a text in the table of the class's module,
hands back the precompiled function instead of compiling the text; every other text (another library's
class, another Python version's wording, a class changed since the table was written) is compiled by the
real `exec` as before. The key is the whole source text, so a function taken from a table is the
compilation of exactly the text `@dataclass` asked for: the same code, annotations, defaults and behaviour.
Two things could still differ and are made equal: the function's `__module__` (set to the class's module,
as `exec` in that module's globals does), and which object a global name in the generated code resolves to
(`type`, `super`, `hash`...): the table records those names, and a class whose module defines one of them
itself is compiled the ordinary way.

`python -m auditor._classcode --write` rewrites the tables after a model change; `tests/test_classcode.py`
fails while they are out of date, and checks that every entry compiles to the same code as its text.

The texts are a Python version's wording (3.12 and 3.13 write other `__init__`s than 3.11), so the tables
record the version that wrote them (`PYTHON` in `auditor/_classcode/__init__.py`) and serve only that
version: on any other Python, or another implementation, `install()` does nothing and every class is
compiled the ordinary way, without importing a table that could never match.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["install", "serves_this_python"]

_Table = dict[str, tuple[Callable[..., Any], tuple[str, ...]]]

_real_exec = builtins.exec
_installed = False
_tables: dict[str, _Table | None] = {}  # module name -> its table (None: the module has none)
# Texts of botaudit's own classes that `exec` compiled because no table had them (tests check for none).
misses: list[str] = []

_PACKAGE = "auditor._classcode"
_OUTER = "def __create_fn__("
_FOLDER = Path(__file__).with_name("_classcode")
_THIS_PYTHON = (sys.version_info[0], sys.version_info[1])
# True once install() has put the tables in service in this process.
active = False


def written_for() -> tuple[int, int] | None:
    """The Python version (major, minor) the tables were written by; None when there are none."""
    try:
        written = __import__(_PACKAGE, fromlist=["PYTHON"]).PYTHON
    except (ImportError, AttributeError):
        return None
    return (int(written[0]), int(written[1]))


def serves_this_python() -> bool:
    """Whether the tables can serve this interpreter: CPython of the version that wrote them."""
    return sys.implementation.name == "cpython" and written_for() == _THIS_PYTHON


def table_name(module: str) -> str:
    """A botaudit module's table: auditor.extract.filescan -> auditor._classcode.extract__filescan."""
    return f"{_PACKAGE}.{module.removeprefix('auditor.').replace('.', '__')}"


def _table(module: Any) -> _Table | None:
    if module in _tables:
        return _tables[module]
    table = None
    if isinstance(module, str) and module.startswith("auditor.") and not module.startswith(_PACKAGE):
        try:
            table = __import__(table_name(module), fromlist=["TABLE"]).TABLE
        except ImportError:
            table = None  # a module without a table (or a partial install): compiled as before
    _tables[module] = table
    return table


def _exec(source: Any, globals: Any = None, locals: Any = None, /, **kwargs: Any) -> Any:  # noqa: A002
    """`exec` as `dataclasses._create_fn` calls it: `exec(text, globals, ns)`, then `ns["__create_fn__"]`."""
    if isinstance(source, str) and isinstance(globals, dict) and isinstance(locals, dict) and not kwargs:
        module = globals.get("__name__")
        table = _table(module)
        entry = table.get(source) if table is not None else None
        if entry is not None and not any(name in globals for name in entry[1]):
            create = entry[0]

            def __create_fn__(**values: Any) -> Any:
                fn = create(**values)
                fn.__module__ = module
                return fn

            locals["__create_fn__"] = __create_fn__
            return None
        if isinstance(module, str) and module.startswith("auditor.") and source.startswith(_OUTER):
            misses.append(source)
    return _real_exec(source, globals, locals, **kwargs)


def install(*, only_if_loaded: bool = False) -> None:
    """Serve `@dataclass`'s generated functions from the precompiled tables from now on (idempotent).

    `only_if_loaded`: do nothing unless `dataclasses` is already imported (importing it compiles regular
    expressions, which the CLI first wants served from auditor/regexcache.py).
    """
    global _installed, active
    if not _installed:
        if only_if_loaded and "dataclasses" not in sys.modules:
            return
        _installed = True
        if not serves_this_python():
            return  # another Python's wording: every text would miss; compile the ordinary way
        import dataclasses

        # `dataclasses` looks `exec` up in its module globals before the builtins: this shadows it there only.
        dataclasses.exec = _exec  # type: ignore[attr-defined]
        active = True


# ----------------------------------------------------------------------------------------- the generator


def _global_names(code: Any) -> set[str]:
    """Names the code (and code nested in it) looks up as globals."""
    import dis

    names = {ins.argval for ins in dis.get_instructions(code) if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME")}
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            names |= _global_names(const)
    return names


def inner_code(text: str) -> Any:
    """The code object of the function `text` defines inside its `__create_fn__`."""
    outer = compile(text, "<string>", "exec")
    create = next(c for c in outer.co_consts if hasattr(c, "co_code"))
    return next(c for c in create.co_consts if hasattr(c, "co_code"))


def render(module: str, texts: Iterable[str]) -> str:
    """One table module's source: `module`'s texts, in a stable order."""
    lines = [
        f'"""`{module}`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""',
        "",
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.",
        "",
        "TABLE = {}",
    ]
    for text in sorted(set(texts)):
        names = tuple(sorted(_global_names(inner_code(text))))
        lines += ["", text, f"TABLE[{text!r}] = (__create_fn__, {names!r})"]
    return "\n".join(lines) + "\n"


def collect() -> dict[str, list[str]]:
    """Module name -> the texts `@dataclass` generates there, importing all of botaudit (a new process)."""
    import dataclasses
    import importlib
    import pkgutil

    import auditor

    texts: dict[str, list[str]] = {}

    def recording(source: Any, globals: Any = None, locals: Any = None, /) -> Any:  # noqa: A002
        name = (globals or {}).get("__name__") or ""
        if isinstance(source, str) and source.startswith(_OUTER) and name.startswith("auditor."):
            texts.setdefault(name, []).append(source)
        return _real_exec(source, globals, locals)

    own = ("auditor.classcode", _PACKAGE)
    if any(name.startswith("auditor.") and not name.startswith(own) for name in sys.modules):
        raise RuntimeError("run in a fresh interpreter: botaudit modules are already imported")
    global _installed
    before, was_installed = dataclasses.__dict__.get("exec"), _installed
    dataclasses.exec = recording  # type: ignore[attr-defined]
    _installed = True  # importing auditor.cli calls install(): keep recording
    try:
        for info in pkgutil.walk_packages(auditor.__path__, "auditor."):
            if not info.name.startswith(_PACKAGE) and not info.name.endswith(".__main__"):
                importlib.import_module(info.name)
    finally:
        if before is None:
            del dataclasses.exec  # type: ignore[attr-defined]
        else:
            dataclasses.exec = before  # type: ignore[attr-defined]
        _installed = was_installed
    return texts


def expected() -> dict[str, str]:
    """File name in auditor/_classcode/ -> the source it should hold."""
    files = {
        "__init__.py": '"""Precompiled dataclass methods, a module each (auditor/classcode.py)."""\n\n'
        f"PYTHON = {_THIS_PYTHON!r}  # the version whose dataclasses wrote the texts: only it is served\n"
    }
    for module, texts in sorted(collect().items()):
        files[table_name(module).rpartition(".")[2] + ".py"] = render(module, texts)
    return files


def stale() -> list[str]:
    """The files of auditor/_classcode/ that are missing, out of date or left over."""
    want = expected()
    have = {p.name for p in _FOLDER.glob("*.py") if p.name != "__main__.py"} if _FOLDER.is_dir() else set()
    out = sorted(have - set(want))
    for name, source in want.items():
        path = _FOLDER / name
        if not path.is_file() or path.read_text(encoding="utf-8") != source:
            out.append(name)
    return out


def main(argv: list[str]) -> int:
    if argv not in ([], ["--write"]):
        sys.stderr.write("usage: python -m auditor._classcode [--write]\n")
        return 2
    written = written_for()
    if not argv and written is not None and written != _THIS_PYTHON:
        # Checking another version's tables against this version's wording would list every file.
        version = ".".join(map(str, _THIS_PYTHON))
        sys.stdout.write(
            f"the tables were written for Python {written[0]}.{written[1]}; this is Python {version}, which "
            "compiles its dataclasses the ordinary way: nothing to check "
            "(--write rewrites them for this one)\n"
        )
        return 0
    if argv == ["--write"]:
        want = expected()
        _FOLDER.mkdir(exist_ok=True)
        for old in _FOLDER.glob("*.py"):
            if old.name not in want and old.name != "__main__.py":
                old.unlink()
        for name, source in want.items():
            (_FOLDER / name).write_text(source, encoding="utf-8")
        return 0
    bad = stale()
    for name in bad:
        sys.stdout.write(f"out of date: auditor/_classcode/{name}\n")
    return 1 if bad else 0
