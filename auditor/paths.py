"""Where botaudit's bundled data lives, installed or from a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def rules_dir() -> Path:
    """The rules/ folder: shipped in the wheel as auditor._rules, or the checkout's top-level rules/."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("auditor._rules")))


def detectors_dir() -> Path:
    return rules_dir() / "detectors"


def schema_path(name: str) -> Path:
    """A JSON Schema shipped in auditor/schemas/."""
    return Path(str(resources.files("auditor") / "schemas" / name))
