"""Whether bytes are a JSON document `json.loads` accepts, without building it when possible.

The quick path (filescan._structure_suspect) asks this of every JSON file the gate proves empty: a broken
file must still become a coverage entry. `json.loads` answers by building every object of the document,
~55 us for a 10 KB file, a sixth of a scan's whole quick path on a tree of JSON files. simdjson (pysimdjson,
where its wheel exists) validates the same bytes in a tenth of that and builds nothing the caller keeps.

The answer is always exactly `json.loads`'s. simdjson accepts a subset of what `json.loads` accepts (it
refuses NaN and Infinity, lone surrogate escapes, numbers beyond 64 bits or doubles, a UTF-16 or UTF-32
document, WTF-8 surrogates), so only its refusals go on to `json.loads`, which decides them. The one thing
simdjson may accept that `json.loads` refuses is nesting deeper than the interpreter's recursion limit allows
the C decoder (simdjson goes to 1024 levels): a document with at least `_ALWAYS_DECIDE` opening brackets
is decided by `json.loads` alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable

# Below this many `[` and `{` in all, no document nests deep enough for json.loads's RecursionError (its C
# decoder enters the recursion check once per level; the default limit is 1000 frames, a worker uses a few
# dozen of them).
_ALWAYS_DECIDE = 500

_PARSE: list[Callable[[bytes], object] | None] = []


def _fast_parse() -> Callable[[bytes], object] | None:
    """simdjson's validating parse (a fresh parser per call: it costs ~0.1 us and keeps no buffer of a big
    document alive, nor any state a thread could share); None where pysimdjson is not installed."""
    if not _PARSE:
        try:
            from csimdjson import Parser  # pysimdjson's extension; its `simdjson` package adds only aliases
        except ImportError:
            _PARSE.append(None)
        else:

            def parse(data: bytes) -> object:
                Parser().parse(data)  # the document proxy dies here: nothing of it is kept
                return None

            _PARSE.append(parse)
    return _PARSE[0]


def loads_ok(data: bytes) -> bool:
    """True when json.loads(data) returns; False when it raises ValueError or RecursionError."""
    parse = _fast_parse()
    if parse is not None and (
        len(data) < _ALWAYS_DECIDE or data.count(b"[") + data.count(b"{") < _ALWAYS_DECIDE
    ):
        try:
            parse(data)
        except (ValueError, RuntimeError, MemoryError):
            pass  # refused (or a limit of simdjson's): json.loads decides
        else:
            return True
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True
