"""Whether this process ends when its command does: the `botaudit` command line, not a library caller or a
test that runs many scans in one process. Set once by the console script (`cli.main` with no argv) and read
where a choice depends on it (`extract.pool`: what the garbage collector may leave until exit). Imports
nothing: the command line sets it before anything else loads."""

from __future__ import annotations

_one_shot = False


def declare_one_shot() -> None:
    """This process ends with its command."""
    global _one_shot
    _one_shot = True


def one_shot() -> bool:
    return _one_shot
