"""Precompiled dataclass methods, a module each (auditor/classcode.py)."""

PYTHON = (3, 11)  # the version whose dataclasses wrote the texts: only it is served
