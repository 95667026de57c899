"""Precompiled dataclass methods, a module each (auditor/classcode.py)."""
