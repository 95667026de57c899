"""botaudit: a credential-posture auditor for AI agents and bots."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
