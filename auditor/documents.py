"""botaudit's own input documents (platform snapshots, baselines): bounded JSON parsing and schema validation.

Every document botaudit is handed is parsed with bounds (nesting depth, integer size) and validated against
its JSON Schema in auditor/schemas/ before any field is used, so a hostile or damaged file is a clear error
naming the file and the field (exit 2), never an internal error. jsonschema is imported only when a document
is validated: a plain static scan never loads it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from auditor.errors import BotauditError

if TYPE_CHECKING:
    import jsonschema

# Snapshots are at most ~10 levels deep (facts.policies.NAME.paths.PATH.capabilities); 64 leaves room for
# platform facts while keeping every recursive walk (json, jsonschema, reporters) far from Python's limit.
MAX_DEPTH = 64
# Python refuses to convert integers longer than this (sys.int_info.default_max_str_digits) with a ValueError.
_MAX_DIGITS = 4300


def _too_deep(data: Any) -> bool:
    """Whether parsed JSON nests deeper than MAX_DEPTH (iterative: the check itself cannot recurse)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def parse_json(text: str, source: str, error: type[BotauditError]) -> Any:
    """JSON text -> Python data, or `error` naming `source` and what is wrong. Never a RecursionError.

    json.loads is linear and refuses what Python cannot hold (nesting past the recursion limit, integers
    past 4300 digits) with exceptions of its own; those, and nesting past MAX_DEPTH, become `error`.
    """
    too_deep = f"{source}: nested more than {MAX_DEPTH} levels deep; not a botaudit document"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise error(too_deep) from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise error(
                f"{source}: holds a number of more than {_MAX_DIGITS} digits; not a botaudit document"
            ) from None
        raise error(f"{source}: not valid JSON ({type(exc).__name__})") from None
    if _too_deep(data):
        raise error(too_deep)
    return data


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("auditor").joinpath("schemas", f"{name}.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


def schema(name: str) -> Mapping[str, Any]:
    """The JSON Schema auditor/schemas/NAME.schema.json (snapshot, baseline, report)."""
    loaded: Mapping[str, Any] = _validator(name).schema
    return loaded


def _where(path: Sequence[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def _short(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 and value.isprintable() else f"a {len(value)}-character string"
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return repr(value) if abs(value) < 10**20 else "a very large number"
    return {"dict": "an object", "list": "a list"}.get(type(value).__name__, type(value).__name__)


_TYPES = {"object": "an object", "array": "a list", "string": "a string", "integer": "a whole number",
          "number": "a number", "boolean": "true or false", "null": "null"}  # fmt: skip


def _message(err: jsonschema.ValidationError) -> str:
    where = _where(list(err.absolute_path))
    kind = err.validator
    if kind == "required":
        missing = [k for k in err.validator_value if k not in err.instance]
        return f"{where}: missing field {missing[0]!r}" if missing else f"{where}: a field is missing"
    if kind == "additionalProperties":
        allowed = set(err.schema.get("properties", {}))
        extra = sorted((str(k) for k in err.instance if k not in allowed), key=str)
        return f"{where}: unknown field(s) {', '.join(extra[:5])}"
    if kind == "type":
        wanted = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        words = " or ".join(_TYPES.get(str(w), str(w)) for w in wanted)
        return f"{where}: expected {words}, got {_short(err.instance)}"
    if kind == "const":
        return f"{where}: expected {err.validator_value!r}, got {_short(err.instance)}"
    if kind == "enum":
        return f"{where}: {_short(err.instance)} is not one of {', '.join(map(str, err.validator_value))}"
    if kind == "pattern" and "ISO-8601" in str(err.schema.get("description", "")):
        return f"{where}: expected an ISO-8601 time (2026-01-31T12:00:00Z), got {_short(err.instance)}"
    return f"{where}: invalid value {_short(err.instance)} ({kind})"


def validate(data: Any, name: str, source: str, error: type[BotauditError]) -> None:
    """Check `data` against auditor/schemas/NAME.schema.json; the first problem raises `error`.

    A document this schema and this jsonschema already found valid (the same content, in botaudit's cache)
    is not validated again: the demo's six snapshots cost ~0.2 s of jsonschema on every scan, most of it
    importing it and building the validator.
    """
    key = _document_key(data, name)
    if key is not None and known_valid(key):
        return
    from jsonschema.exceptions import best_match

    errors = list(_validator(name).iter_errors(data))
    if errors:
        first = best_match(errors)
        raise error(f"{source}: {_message(first)}")
    if key is not None:
        remember_valid(key)


# -- remembered verdicts -------------------------------------------------------------------------------------
#
# Only "valid" is remembered, under a hash of the document's content (its JSON serialisation, which tells
# apart everything the schema can: types, 1 from 1.0 and from true, key order), the schema file's bytes and
# the installed jsonschema's file signature: a changed schema or library is a different key. The entry is
# one list of the most recent keys, with a SHA-256 of its body; any doubt about it means validating.

_VERDICTS = "valid-documents"
_VERDICT_LIMIT = 512
# The keys read from (or written to) the entry, with the folder they belong to.
_valid: tuple[object, list[str]] | None = None


def _library_signature() -> bytes:
    import importlib.util

    from auditor import cache

    spec = importlib.util.find_spec("jsonschema")
    if spec is None or spec.origin is None:
        return b"no-jsonschema"
    return cache.file_signature(spec.origin)


def verdict_key(content: bytes, schema: bytes) -> str | None:
    """The key of "`content` is valid against `schema`" (both serialised by the caller so that different
    documents or schemas never serialise alike), or None when there is no cache."""
    from auditor import cache

    if cache.cache_dir() is None:
        return None
    try:
        library = _library_signature()
    except OSError:
        return None
    return cache.content_key([b"valid-v1", schema, library, content])


def known_valid(key: str) -> bool:
    """Whether a document with this verdict key was found valid before."""
    return key in _valid_keys()


def _document_key(data: Any, name: str) -> str | None:
    from pathlib import Path

    try:
        content = json.dumps(data, separators=(",", ":")).encode("ascii")
        schema_bytes = (Path(__file__).parent / "schemas" / f"{name}.schema.json").read_bytes()
    except (TypeError, ValueError, RecursionError, OSError):
        return None
    return verdict_key(content, name.encode() + b"\0" + schema_bytes)


def _valid_keys() -> list[str]:
    import hashlib

    from auditor import cache

    global _valid
    folder = cache.cache_dir()
    if _valid is None or _valid[0] != folder:
        raw = cache.read(_VERDICTS) or b""
        body = raw[32:]
        ok = len(raw) > 32 and hashlib.sha256(body).digest() == raw[:32]
        _valid = (folder, body.decode("ascii", "replace").split("\n") if ok and body else [])
    return _valid[1]


def remember_valid(key: str) -> None:
    """Remember that the document with this verdict key is valid."""
    import hashlib

    from auditor import cache

    keys = [k for k in _valid_keys() if k != key][-(_VERDICT_LIMIT - 1) :] + [key]
    body = "\n".join(keys).encode("ascii")
    cache.write(_VERDICTS, hashlib.sha256(body).digest() + body)
    global _valid
    _valid = (cache.cache_dir(), keys)


def load_document(text: str, name: str, source: str, error: type[BotauditError]) -> Any:
    """Bounded parse + schema validation: the data of a valid NAME document, or `error`."""
    data = parse_json(text, source, error)
    validate(data, name, source, error)
    return data
