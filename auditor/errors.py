"""The exceptions botaudit raises; the CLI turns each into a clear message and an exit code."""

from __future__ import annotations


class BotauditError(Exception):
    """Base of every error botaudit raises on purpose. Messages never carry secret values."""


class ConfigError(BotauditError):
    """botaudit.yaml (or an option) is invalid; the message names the file and line."""


class RuleLoadError(BotauditError):
    """A rule or detector definition under rules/ is invalid."""


class CollectorError(BotauditError):
    """A platform could not be collected at all (auth failed, unreachable)."""


class SnapshotError(BotauditError):
    """A saved snapshot could not be read (bad JSON, wrong schema_version, missing fields)."""
