"""Provider prefixes: a value that announces its provider is judged by that provider's detector.

A token that starts with `ghp_`, `xoxb-`, `sk-ant-` or `glpat-` says which provider issued it, and that
provider's detector knows its exact length, alphabet and checksum. When such a value fails all of its
providers' detectors (a `ghp_` token six characters short, a `glpat-` token with characters GitLab never
issues), no provider would accept it: it is a truncated copy, a fixture or a documentation sample. The generic
key-name rules (`GITHUB_TOKEN=<anything random>`) would report it anyway, as a confident secret; this module
lets them defer to the provider instead (issue 12: most of botaudit's false positives on the peers' negative
cases were exactly these).

The prefixes come from the detectors themselves, never from a list kept here: each detector's declared
`public_prefix` values and the literal start of its `secret` group. Only distinctive ones count, because a
short or word-like prefix (`sk-`, `pk_`, `key-`, `hf_`) is shared by many providers or by ordinary values,
and a value starting with it proves nothing about who issued it.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # the stdlib's own regex parser: the exact grammar `re` compiles
import re._parser as sre_parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.extract.validators import validate

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = ["PrefixVerdict", "ProviderPrefixes", "is_distinctive", "leading_literal"]

_SEPARATORS = "_-."
# Whole prefixes that are ordinary words plus a separator: many vendors (and many hand-made values) start so.
_WORD_PREFIXES = frozenset({"key", "pat", "sdk", "access", "secret", "token", "api", "app", "user", "pass"})
_ZERO_WIDTH = (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT)


def leading_literal(pattern: str) -> tuple[str, int]:
    """The case-sensitive literal text every value of the `secret` group starts with ('' when none), and the
    group's minimum length.

    Only when the group opens the pattern (after zero-width assertions) and the pattern has no `key` group: a
    detector that needs text before its value (a key, a URL) cannot judge the bare value on its own. Parsed,
    not compiled: most detectors' regexes stay uncompiled in a scan (detectors.LazyRegex).
    """
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return "", 0
    groups = parsed.state.groupdict
    secret_group = groups.get("secret")
    if secret_group is None or "key" in groups or parsed.state.flags & sre_constants.SRE_FLAG_IGNORECASE:
        return "", 0
    for op, av in parsed:
        if op in _ZERO_WIDTH:
            continue
        if op is not sre_constants.SUBPATTERN or av[0] != secret_group:
            return "", 0
        _group, add_flags, _del_flags, body = av
        if add_flags & sre_constants.SRE_FLAG_IGNORECASE:
            return "", 0
        out = []
        for inner_op, inner_av in body:
            if inner_op is not sre_constants.LITERAL:
                break
            out.append(chr(inner_av))
        return "".join(out), int(body.getwidth()[0])
    return "", 0


def is_distinctive(prefix: str) -> bool:
    """Whether a value starting with `prefix` can only have come from the provider(s) that own it."""
    if not prefix.isascii() or any(c in prefix for c in ":/ \t"):
        return False  # URLs and phrases: their detectors need more than the value's start
    stem = prefix.rstrip(_SEPARATORS)
    if len(stem) < 3 or stem.lower() in _WORD_PREFIXES or stem.isdigit():
        return False
    if any(c in _SEPARATORS for c in prefix):
        return True
    # No separator (`AIza`, `EZAK`, `ATATT3`): distinctive when it is not the start of a lowercase word.
    return len(prefix) >= 4 and not prefix.islower()


@dataclass(frozen=True)
class PrefixVerdict:
    """A value that carries a provider's distinctive prefix and fails that provider's detector."""

    detector: Detector
    # Shorter than the shortest value the provider's format allows: a truncated copy or a sample, not a key.
    truncated: bool

    @property
    def reason(self) -> str:
        return f"has the {self.detector.id} prefix but fails its format/checksum"


class ProviderPrefixes:
    """Distinctive prefix -> the provider detectors that own it, and the check a prefixed value must pass."""

    def __init__(self, detectors: Iterable[Detector]) -> None:
        owners: dict[str, list[Detector]] = {}
        min_len: dict[str, int] = {}
        for det in detectors:
            if det.generic or det.identifier:
                continue
            derived, shortest = leading_literal(det.regex.pattern)
            if not derived:
                # A key-bound format, or one that needs text before its value: the bare value never matches
                # on its own, so it cannot vouch for (or against) one. Declared prefixes alone are not enough.
                continue
            min_len[det.id] = shortest
            for prefix in {*det.public_prefixes, derived}:
                if is_distinctive(prefix):
                    owners.setdefault(prefix, []).append(det)
        self._owners = {p: tuple(ds) for p, ds in owners.items()}
        self._prefixes = tuple(sorted(owners))
        self._min_len = min_len

    @property
    def prefixes(self) -> tuple[str, ...]:
        return self._prefixes

    def owners_of(self, value: str) -> tuple[Detector, ...]:
        """Every detector whose distinctive prefix the value starts with (none for most values)."""
        if not value.startswith(self._prefixes):
            return ()
        out: list[Detector] = []
        for prefix in self._prefixes:
            if value.startswith(prefix):
                out.extend(d for d in self._owners[prefix] if d not in out)
        return tuple(out)

    def judge(self, value: str) -> PrefixVerdict | None:
        """None when the value has no distinctive prefix or one of its providers accepts it (its regex
        matches the whole value and its checksum, where it has one, verifies); else what it fails."""
        owners = self.owners_of(value)
        if not owners:
            return None
        for det in owners:
            m = det.regex.search(value)
            if m is None:
                continue
            span = m.span("secret") if "secret" in det.regex.groupindex else m.span()
            if span != (0, len(value)):
                continue
            if det.checksum is None or validate(det.checksum, value):
                return None
        shortest = min(self._min_len[d.id] for d in owners)
        return PrefixVerdict(owners[0], truncated=len(value) < shortest)
