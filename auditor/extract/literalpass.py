"""Which of a fixed set of case-sensitive literals occur in a text, in one pass.

The line scan of a source file asks, per pattern, whether one of the literals every match of it holds occurs
(text.scan_code_patterns, text.scan_code_agents): about a hundred `literal in text` searches per file, 200,000
on microsoft/semantic-kernel's source. One Vectorscan scan of the text's bytes answers them all at once; where
the bindings do not import (or refuse the literals), each literal is searched for as before.

A literal occurs in the text exactly when its UTF-8 encoding occurs in the text's: UTF-8 is self-synchronizing
(a character's encoding never starts inside another's), and lone surrogates are encoded the same way on both
sides ("surrogatepass").
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Sequence
from typing import Any

from auditor.extract.vectorscan import matched_ids

__all__ = ["LiteralPass", "required_terms"]

_ENCODING = ("utf-8", "surrogatepass")


class LiteralPass:
    """`present(text)`: the indices of the literals that occur in `text`, as `{i for i, lit in
    enumerate(literals) if lit in text}` says (case-sensitive, empty literals excluded: every text holds
    one)."""

    def __init__(self, name: str, literals: Sequence[str]) -> None:
        self.literals = tuple(literals)
        self._searched = tuple((i, lit) for i, lit in enumerate(self.literals) if lit)
        self._db: Any = None
        self._terminated: type[Exception] = Exception
        try:
            import hyperscan

            from auditor.extract.vectorscan import compile_database

            ids = [i for i, _lit in self._searched]
            expressions = [re.escape(lit.encode(*_ENCODING)) for _i, lit in self._searched]
            if expressions:
                self._db = compile_database(
                    name, expressions, [hyperscan.HS_FLAG_SINGLEMATCH] * len(expressions), ids=ids
                )
                self._terminated = getattr(hyperscan, "ScanTerminated", hyperscan.error)
        except Exception:  # no bindings, or a library that refuses the database: search one by one
            self._db = None

    @property
    def vectorscan(self) -> bool:
        """Whether one Vectorscan scan answers (else a search per literal)."""
        return self._db is not None

    def present(self, text: str) -> set[int]:
        if self._db is None:
            return {i for i, lit in self._searched if lit in text}
        try:
            return matched_ids(self._db, text.encode(*_ENCODING))
        except self._terminated:  # not raised without a stop; answered the slow way should it ever be
            return {i for i, lit in self._searched if lit in text}


# required_terms: the most strings a finite part of a pattern is expanded to, and the most terms kept.
_MAX_STRINGS = 64
_MAX_TERMS = 256
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_Terms = frozenset[frozenset[str]]  # one of the terms, every literal of it


def required_terms(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...] | None:
    """Terms, each a set of literals, such that every match of `pattern` holds every literal of one term (so
    a text holding no term entire has no match); None: no such proof (a case-insensitive pattern, or no
    literal every match must hold).

    Read off re's own parse, as references.required_literals reads one alternation of literals, but finer:
    a finite stretch of the pattern (literals, small classes of literals, groups and alternations of them)
    is expanded to the strings it can match (`@(?:app|bp)\\.get\\(` to `@app.get(`, `@bp.get(`); the
    stretches and groups of a sequence must all occur (a conjunction); the branches of an alternation are
    alternatives (their terms together). Zero-width items (lookarounds, anchors, `\\b`) match no character,
    so what stands either side of one is adjacent in any match. Whatever cannot be expanded or bounded is
    left out, which only weakens the requirement: a text the terms rule out has no match."""
    if pattern.flags & re.IGNORECASE:
        return None
    terms = _sequence_terms(list(sre_parse.parse(pattern.pattern)))
    if terms is None:
        return None
    return tuple(sorted(tuple(sorted(term)) for term in terms))


def _finite(items: list[Any]) -> set[str] | None:
    """Every string the sequence `items` can match, when that is a small finite set (else None)."""
    strings = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # a superset of the strings matched: sound for a requirement
        part = _finite_item(op, av)
        if part is None or len(strings) * len(part) > _MAX_STRINGS:
            return None
        strings = {a + b for a in strings for b in part}
    return strings


def _finite_item(op: Any, av: Any) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < 8:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # NEGATE, a category, a wide range
                return None
        return chars if len(chars) <= 8 else None
    if op is sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _finite(list(av[-1]))
    if op is sre.BRANCH:
        strings: set[str] = set()
        for branch in av[1]:
            part = _finite(list(branch))
            if part is None:
                return None
            strings |= part
        return strings if len(strings) <= _MAX_STRINGS else None
    return None


def _item_terms(op: Any, av: Any) -> _Terms | None:
    """The requirement of one item that is not finite (None: none known)."""
    if op is sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _sequence_terms(list(av[-1]))
    if op is sre.BRANCH:
        union: set[frozenset[str]] = set()
        for branch in av[1]:
            found = _sequence_terms(list(branch))
            if found is None:
                return None  # a branch with no requirement: the alternation has none
            union |= found
        return frozenset(union) if len(union) <= _MAX_TERMS else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _sequence_terms(list(av[2]))  # the body matches at least once
    return None


def _sequence_terms(items: list[Any]) -> _Terms | None:
    conjuncts: list[_Terms] = []
    run = {""}

    def flush() -> None:
        # A stretch that may be empty, or a single character, is too weak to be worth a literal.
        if min(map(len, run)) >= 2:
            conjuncts.append(frozenset(frozenset((s,)) for s in run))

    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        part = _finite_item(op, av)
        if part is not None and len(run) * len(part) <= _MAX_STRINGS:
            run = {a + b for a in run for b in part}
            continue
        flush()
        run = {""} if part is None else part
        if part is None and (terms := _item_terms(op, av)) is not None:
            conjuncts.append(terms)
    flush()
    if not conjuncts:
        return None
    # The most selective first (the longest shortest literal), then every other that keeps the terms few.
    conjuncts.sort(key=lambda terms: -min(max(map(len, term)) for term in terms))
    combined = conjuncts[0]
    for terms in conjuncts[1:]:
        if len(combined) * len(terms) <= _MAX_TERMS:
            combined = frozenset(a | b for a in combined for b in terms)
    return combined
