"""Which detector formats describe a provider-issued token with a long random body (fast fingerprint tier).

A fingerprint is memory-hard (scrypt, `auditor.redact`) so that guessing a human-chosen or short value from
it stays slow. A token the provider generated with at least 128 random bits (`ghp_` + 36 base62, Slack's
`xoxb-…-<24 base62>`) cannot be guessed whatever the hash, so a keyed HMAC of it is as irreversible and
costs microseconds instead of ~20 ms. This module derives, from the detector catalogue, the formats whose
values may take that tier: `auditor/_issued_formats.py` holds the result, checked in, so that a fingerprint
never changes because a detector's regex was edited; `tests/test_fingerprint_tiers.py` checks that every
entry there is still derivable from the shipped catalogue.

A detector's format qualifies when all of these hold (anything the derivation cannot read keeps scrypt):

* it is a provider format: not `generic`, not an `identifier`, with a declared `public_prefix`, and its
  `secret` group starts with that literal prefix (key-name rules, passwords and connection strings have none);
* its `secret` group is a plain sequence of literals and (repeated) character classes of printable ASCII,
  alternations expanded into one format each: no negated class, no `.`, no repeated group;
* one run of that sequence is at least 128 bits by the regex alone (minimum length x log2 of its class);
  only the single largest run counts, never a sum (ids and dates beside it are not random);
* its `checksum`, if any, is a check of a random body (`base62-crc32`, `openai-marker`), not a decodable
  payload (JWT, base64 JSON, macaroon), whose characters would not be random.

    python -m auditor.extract.issued            # print the derived table
    python -m auditor.extract.issued --write    # rewrite auditor/_issued_formats.py
"""

from __future__ import annotations

import itertools
import math
import re
import re._constants as C  # noqa: N812 (the stdlib's own parser constants, read-only)
import re._parser as P  # noqa: N812
import string
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.extract.regexcheck import _class_chars

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = ["MIN_BODY_BITS", "derive", "detector_formats", "render"]

MIN_BODY_BITS = 128
# Checks of a random body; payload checks (jwt, base64-json, pypi-macaroon...) describe encoded data.
RANDOM_BODY_CHECKS = frozenset({"base62-crc32", "openai-marker"})
_PRINTABLE = frozenset(string.ascii_letters + string.digits + string.punctuation)
_MAX_ALTERNATIVES = 16
_TABLE = Path(__file__).resolve().parent.parent / "_issued_formats.py"

Atom = tuple[frozenset[str], int, int]  # (characters, min, max); max is C.MAXREPEAT when unbounded
Format = tuple[str, tuple[int, ...]]  # (fullmatch regex, alphabet size of each run group r0, r1...)


class _Unreadable(ValueError):
    """A construct the derivation does not read: the format keeps scrypt."""


def _chars(node: tuple[Any, Any], ignorecase: bool) -> frozenset[str]:
    op, av = node
    if op is C.LITERAL:
        chars = _class_chars([(C.LITERAL, av)], ignorecase)
    elif op is C.IN:
        if any(o is C.NEGATE or (o is C.CATEGORY and "NOT" in str(a)) for o, a in av):
            raise _Unreadable("negated class")
        # `\d` and `\w` match non-ASCII digits and letters too; the format keeps their ASCII part (a value
        # with others does not match it and keeps scrypt).
        chars = _class_chars(av, ignorecase) & _PRINTABLE
    else:
        raise _Unreadable(str(op))
    if not chars or not chars <= _PRINTABLE:
        raise _Unreadable("characters outside printable ASCII")
    return chars


def _product(out: list[list[Atom]], parts: list[list[Atom]]) -> list[list[Atom]]:
    out = [a + b for a, b in itertools.product(out, parts)]
    if len(out) > _MAX_ALTERNATIVES:
        raise _Unreadable("too many alternatives")
    return out


def _sequences(items: Iterable[tuple[Any, Any]], ignorecase: bool) -> list[list[Atom]]:
    """Every plain sequence of atoms the parsed items can be (alternations and short group repeats
    expanded)."""
    out: list[list[Atom]] = [[]]
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op in (C.LITERAL, C.IN):
            parts = [[(_chars((op, av), ignorecase), 1, 1)]]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, sub = av
            if len(sub) == 1 and sub[0][0] in (C.LITERAL, C.IN):
                parts = [[(_chars(sub[0], ignorecase), low, high)]]
            elif high <= 4:  # `(?:[0-9]{8,13}-){2,3}`: two or three copies
                once = _sequences(sub, ignorecase)
                parts = []
                for count in range(low, high + 1):
                    copies: list[list[Atom]] = [[]]
                    for _ in range(count):
                        copies = _product(copies, once)
                    parts.extend(copies)
            else:
                raise _Unreadable("repeated group")
        elif op is C.SUBPATTERN:
            _group, add, remove, sub = av
            case = (ignorecase or bool(add & C.SRE_FLAG_IGNORECASE)) and not remove & C.SRE_FLAG_IGNORECASE
            parts = _sequences(sub, case)
        elif op is C.BRANCH:
            parts = [seq for alt in av[1] for seq in _sequences(alt, ignorecase)]
        else:
            raise _Unreadable(str(op))
        out = _product(out, parts)
    return out


def _secret_group(items: Iterable[tuple[Any, Any]], gid: int) -> Any:
    for op, av in items:
        if op is C.SUBPATTERN and av[0] == gid:
            return av[3]
        subs: list[Any] = []
        if op is C.SUBPATTERN:
            subs = [av[3]]
        elif op is C.BRANCH:
            subs = list(av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            subs = [av[2]]
        elif op in (C.ASSERT, C.ASSERT_NOT):
            subs = [av[1]]
        for sub in subs:
            found = _secret_group(sub, gid)
            if found is not None:
                return found
    return None


def _class(chars: frozenset[str]) -> str:
    if len(chars) == 1:
        return re.escape(next(iter(chars)))
    codes = sorted(ord(c) for c in chars)
    spans: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -2]:
        if code == prev + 1:
            prev = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(prev))
        spans.append(first if start == prev else f"{first}{last}" if prev == start + 1 else f"{first}-{last}")
        start = prev = code
    return "[" + "".join(spans) + "]"


def _count(low: int, high: int) -> str:
    if low == high:
        return "" if low == 1 else f"{{{low}}}"
    return f"{{{low},}}" if high == C.MAXREPEAT else f"{{{low},{high}}}"


def _max_bits(atom: Atom) -> float:
    """What the longest value of a run can hold; only runs of a 16-character alphabet or more count."""
    chars, _low, high = atom
    return math.inf if high == C.MAXREPEAT else high * math.log2(len(chars)) if len(chars) >= 16 else 0.0


def _formats(seq: Sequence[Atom], prefixes: Sequence[str]) -> list[Format]:
    """The fullmatch formats of one sequence (one per spelling of its fixed start), or none."""
    head = 0
    while head < len(seq) and seq[head][1:] == (1, 1):
        head += 1
    starts = [""]
    for chars, _low, _high in seq[:head]:
        starts = [s + c for s in starts for c in sorted(chars)]
        if len(starts) > _MAX_ALTERNATIVES:
            return []
    runs = [i for i in range(head, len(seq)) if _max_bits(seq[i]) >= MIN_BODY_BITS]
    if not runs:
        return []
    rest = []
    for i in range(head, len(seq)):
        chars, low, high = seq[i]
        piece = _class(chars) + _count(low, high)
        rest.append(f"(?P<r{runs.index(i)}>{piece})" if i in runs else piece)
    alphabets = tuple(len(seq[i][0]) for i in runs)
    return [
        (re.escape(start) + "".join(rest), alphabets)
        for start in starts
        if any(p and start.startswith(p) for p in prefixes)
    ]


def detector_formats(det: Detector) -> list[Format]:
    """The fast-tier formats of one detector: [(fullmatch regex, alphabet size of each run group)]."""
    if det.generic or det.identifier or not det.public_prefixes:
        return []
    if det.checksum is not None and det.checksum not in RANDOM_BODY_CHECKS:
        return []
    try:
        parsed = P.parse(det.regex.pattern)
        gid = parsed.state.groupdict.get("secret")
        if gid is None:
            return []
        group = _secret_group(parsed, gid)
        if group is None:
            return []
        seqs = _sequences(group, bool(parsed.state.flags & C.SRE_FLAG_IGNORECASE))
    except (_Unreadable, re.error):
        return []
    return [found for seq in seqs for found in _formats(seq, det.public_prefixes)]


Table = dict[str, tuple[tuple[str, tuple[int, ...], "str | None"], ...]]


def derive(detectors: Iterable[Detector]) -> Table:
    """kind -> ((regex, run alphabet sizes, checksum), ...), sorted, for every qualifying detector."""
    table: dict[str, dict[Format, str | None]] = {}
    for det in detectors:
        for found in detector_formats(det):
            formats = table.setdefault(det.kind, {})
            # The same format with and without a checksum: the checksum is kept (the stricter test).
            formats[found] = formats.get(found) or det.checksum
    return {
        kind: tuple((regex, alphabets, checksum) for (regex, alphabets), checksum in sorted(formats.items()))
        for kind, formats in sorted(table.items())
    }


def render(table: Table) -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""Provider-issued token formats that may take the fast fingerprint tier (`auditor.redact`).',
        "",
        "Generated by `python -m auditor.extract.issued --write` from rules/detectors; checked in so that no",
        "fingerprint changes when a detector is edited. Adding or changing an entry changes the fingerprints",
        "of that kind's values (and so baselines): do it only with a new fingerprint scheme version.",
        '"""',
        "",
        "# kind -> ((fullmatch regex whose groups r0, r1... are the random runs, each run's alphabet size,",
        "#          the checksum the whole value must pass or None), ...)",
        "FORMATS: dict[str, tuple[tuple[str, tuple[int, ...], str | None], ...]] = {",
    ]
    for kind, formats in table.items():
        lines.append(f"    {kind!r}: (")
        for regex, alphabets, checksum in formats:
            lines.append(f"        ({regex!r}, {alphabets!r}, {checksum!r}),")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    from auditor.extract.detectors import DetectorSet

    args = list(sys.argv[1:] if argv is None else argv)
    text = render(derive(DetectorSet.load().detectors))
    if "--write" in args:
        _TABLE.write_text(text, encoding="utf-8")
        print(f"wrote {_TABLE}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
