"""Time as an injectable dependency: every age judgement goes through a Clock, so tests can fix `now`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Anything that can say what time it is (timezone-aware, UTC)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock stopped at one instant, for tests and for replaying an audit as of a date."""

    def __init__(self, instant: datetime) -> None:
        self._instant = instant if instant.tzinfo else instant.replace(tzinfo=UTC)

    def now(self) -> datetime:
        return self._instant


def age_days(then: datetime | None, clock: Clock) -> float | None:
    """Days between `then` and the clock's now, or None when `then` is unknown."""
    if then is None:
        return None
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    return (clock.now() - then).total_seconds() / 86400.0


def parse_time(value: object) -> datetime | None:
    """Parse an ISO-8601 string, epoch seconds or a datetime into an aware UTC datetime, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(float(value), UTC)
        except (OverflowError, OSError, ValueError):
            # Out of datetime's range (1e308, NaN): not a time botaudit can judge.
            return None
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        # Salesforce writes +0000 without a colon.
        if len(text) > 5 and text[-5] in "+-" and text[-4:].isdigit() and text[-3] != ":":
            text = text[:-2] + ":" + text[-2:]
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def iso_time(value: object) -> str | None:
    """`value` read by parse_time() as ISO-8601 text, or None when it is not a time."""
    parsed = parse_time(value)
    return parsed.isoformat() if parsed else None
