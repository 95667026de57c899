"""The wheel holds every module: each package folder under auditor/ is listed in pyproject.toml.

An editable install (what the tests run) imports from the source tree, so a package missing from the list
is invisible here and breaks only the installed wheel, the container image and the GitHub Action.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_in_the_wheel() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    folders = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "auditor").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert folders <= listed, f"missing from [tool.setuptools] packages: {sorted(folders - listed)}"
    # And no folder of modules lacks its __init__.py (setuptools would leave it out silently).
    for folder in (REPO / "auditor").rglob("*"):
        if folder.is_dir() and "__pycache__" not in folder.parts and any(folder.glob("*.py")):
            assert (folder / "__init__.py").is_file(), folder
    assert "auditor._rules" in listed and config["package-dir"]["auditor._rules"] == "rules"
