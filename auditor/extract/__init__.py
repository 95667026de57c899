"""Extraction: per-file evidence (secrets, references, settings, agent manifests) from discovered files."""

from auditor.extract.filescan import scan_file
from auditor.extract.pool import scan_files

__all__ = ["scan_file", "scan_files"]
