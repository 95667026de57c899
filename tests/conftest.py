"""Shared pytest options: `--update-golden` rewrites tests/golden/ instead of comparing against it."""

from __future__ import annotations

import os
import tempfile

import pytest

# Tests never read or write the user's real cache (~/.cache/botaudit): one private folder per test process,
# inherited by the CLI subprocesses tests start.
os.environ.setdefault("BOTAUDIT_CACHE_DIR", tempfile.mkdtemp(prefix="botaudit-test-cache-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden files (`--update-golden`)."""
    return bool(request.config.getoption("--update-golden"))
