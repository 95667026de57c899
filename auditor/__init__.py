"""botaudit: a credential-posture auditor for AI agents and bots.

Library use, without the CLI::

    from pathlib import Path
    from auditor import ScanOptions, run

    result = run(ScanOptions(paths=(Path("agents"),)))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from auditor import classcode

__version__ = "0.1.0"

# Before any botaudit module declares a dataclass: their generated methods come precompiled (classcode.py).
# Where `dataclasses` is not imported yet (the command line), the CLI installs it once `re`'s cache is warm.
classcode.install(only_if_loaded=True)

if TYPE_CHECKING:
    from auditor import scan
    from auditor.model import Finding, ScanResult, Severity
    from auditor.scan import ScanOptions, run

__all__ = ["Finding", "ScanOptions", "ScanResult", "Severity", "__version__", "run", "scan"]

# The public names, imported on first use (PEP 562): `botaudit --version`, `botaudit diff` and every module
# that only needs `__version__` do not pay for the scanner, the model and the config loader.
_LAZY = {
    "Finding": "auditor.model",
    "ScanResult": "auditor.model",
    "Severity": "auditor.model",
    "ScanOptions": "auditor.scan",
    "run": "auditor.scan",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "scan":
        return importlib.import_module("auditor.scan")
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
