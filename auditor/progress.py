"""Progress as an observer: the library reports, the CLI decides how (or whether) to show it."""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    """Receives progress events; the library never imports rich."""

    def start(self, task: str, total: int | None = None) -> None: ...

    def advance(self, task: str, amount: int = 1) -> None: ...

    def finish(self, task: str) -> None: ...

    def warn(self, message: str) -> None: ...


class NullProgress:
    """Discards every event (the default for library callers)."""

    def start(self, task: str, total: int | None = None) -> None:
        return None

    def advance(self, task: str, amount: int = 1) -> None:
        return None

    def finish(self, task: str) -> None:
        return None

    def warn(self, message: str) -> None:
        return None
