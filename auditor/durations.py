"""Durations in any notation people write them: `3600`, `15m`, `1h30m`, `720h`, `30d`, `2w`, `P30D`,
`PT12H`, `30 days`, `2 hours`. Pure and linear; `None` when the text is not a duration."""

from __future__ import annotations

import re

_UNITS = {
    "": 1,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "w": 7 * 86400,
    "wk": 7 * 86400,
    "week": 7 * 86400,
    "weeks": 7 * 86400,
    "y": 365 * 86400,
    "yr": 365 * 86400,
    "year": 365 * 86400,
    "years": 365 * 86400,
}
# Go / Vault style and prose: one or more "<number> <unit>" parts ("1h30m", "30 days", "2 weeks 3 days").
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]*)\s*,?\s*")
# ISO 8601: PnYnMnWnDTnHnMnS (months counted as 30 days, years as 365).
_ISO = re.compile(
    r"p(?:(\d+(?:\.\d+)?)y)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)w)?(?:(\d+(?:\.\d+)?)d)?"
    r"(?:t(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?)?"
)
_ISO_FACTORS = (365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1)
MAX_TEXT = 64  # a duration is short; anything longer is not one (and keeps every call bounded)


def parse_duration(value: object, *, default_unit: str = "s") -> int | None:
    """Seconds in `value`, or None when it is not a duration. A bare number is in `default_unit`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value * _UNITS.get(default_unit, 1))
    text = str(value).strip().lower()
    if not text or len(text) > MAX_TEXT:
        return None
    if text.startswith(("p", "-p")) and (iso := _ISO.fullmatch(text.lstrip("-"))) and any(iso.groups()):
        return int(sum(float(g) * f for g, f in zip(iso.groups(), _ISO_FACTORS, strict=True) if g))
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return int(float(text) * _UNITS.get(default_unit, 1))
    total = 0.0
    pos = 0
    for part in _PART.finditer(text):
        if part.start() != pos:
            return None
        unit = part.group(2)
        if unit not in _UNITS or not unit:
            return None
        total += float(part.group(1)) * _UNITS[unit]
        pos = part.end()
    if pos != len(text) or pos == 0:
        return None
    return int(total)


def human(seconds: int) -> str:
    """`30 days`, `12 h`, `15 min`, `45 s`: the largest whole unit."""
    if seconds and seconds % 86400 == 0:
        return f"{seconds // 86400} days"
    if seconds and seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    if seconds and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"
