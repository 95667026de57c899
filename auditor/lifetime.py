"""Whether this process ends when its command does: the `botaudit` command line, not a library caller or a
test that runs many scans in one process. Set once by the console script (`cli.main` with no argv) and read
where a choice depends on it (`extract.pool`: what the garbage collector may leave until exit;
`keep_until_exit`: what need not be freed at all). Imports nothing: the command line sets it before anything
else loads."""

from __future__ import annotations

_one_shot = False


def declare_one_shot() -> None:
    """This process ends with its command."""
    global _one_shot
    _one_shot = True


def one_shot() -> bool:
    return _one_shot


_kept: list[object] = []


def keep_until_exit(obj: object) -> None:
    """Hold `obj` until the process ends, when it ends with its command: freeing a large structure object by
    object (the walk's 20,000 entries of a large tree: ~0.01 s) is time nobody waits for, and the command's
    own entry points end the process without freeing anything (cli.end_process). Elsewhere, nothing."""
    if _one_shot:
        _kept.append(obj)
