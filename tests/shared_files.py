"""Where the shared, read-only material next to the checkout lives (`../shared`: the official SARIF schema).

CI checks the repository out beside `shared/`; a developer's worktree may sit deeper (`wt/NAME`), so every
ancestor folder is tried. Tests that need a file from there fail under CI when it is missing and skip
locally, saying where it was expected.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_file(relative: str) -> Path | None:
    """`shared/<relative>` in the nearest ancestor of the checkout that has it."""
    for folder in REPO.parents:
        candidate = folder / "shared" / relative
        if candidate.is_file():
            return candidate
    return None


def require_shared_file(relative: str) -> Path:
    found = shared_file(relative)
    if found is None:
        message = f"shared/{relative} not found beside the checkout or any folder above it ({REPO})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


SARIF_SCHEMA = "schemas/sarif-schema-2.1.0.json"
