"""The test environment is locked: every declared dependency is pinned in requirements/test.lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_declared_dependency_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = list(project["dependencies"])
    for extra in ("test", "dev"):
        declared += project["optional-dependencies"][extra]
    pinned = {
        _name(line): line
        for line in (ROOT / "requirements" / "test.lock").read_text().splitlines()
        if line and not line.startswith((" ", "#"))
    }
    missing = sorted({_name(r) for r in declared} - set(pinned))
    assert not missing, f"not in requirements/test.lock (refresh it, see README): {missing}"
    assert all("==" in pinned[_name(r)] for r in declared)


def test_readme_and_ci_install_with_the_lock() -> None:
    command = "pip install -q -c requirements/test.lock -e '.[test]'"
    assert command in (ROOT / "README.md").read_text()
    assert command in (ROOT / ".ci" / "run").read_text()
