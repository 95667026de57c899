"""Where botaudit's bundled data lives, installed or from a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """The rules/ folder: shipped in the wheel as auditor._rules, or the checkout's top-level rules/."""
    checkout = _HERE.parent / "rules"
    if checkout.is_dir():
        return checkout
    installed = _HERE / "_rules"
    if installed.is_dir():  # an ordinary install: no need for importlib.resources (a start-up cost)
        return installed
    from importlib import resources

    return Path(str(resources.files("auditor._rules")))


def detectors_dir() -> Path:
    return rules_dir() / "detectors"


def schema_path(name: str) -> Path:
    """A JSON Schema shipped in auditor/schemas/."""
    from importlib import resources

    return Path(str(resources.files("auditor") / "schemas" / name))
