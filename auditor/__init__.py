"""botaudit: a credential-posture auditor for AI agents and bots.

Library use, without the CLI::

    from pathlib import Path
    from auditor import ScanOptions, run

    result = run(ScanOptions(paths=(Path("agents"),)))
"""

from __future__ import annotations

__version__ = "0.1.0"

from auditor import scan  # noqa: E402  (after __version__: submodules read it)
from auditor.model import Finding, ScanResult, Severity  # noqa: E402
from auditor.scan import ScanOptions, run  # noqa: E402

__all__ = ["Finding", "ScanOptions", "ScanResult", "Severity", "__version__", "run", "scan"]
