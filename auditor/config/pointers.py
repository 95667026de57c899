"""Secrets pasted where botaudit.yaml wants a pointer (the name of an environment variable or a file).

`client_secret_env: <the secret itself>` is an easy mistake, and botaudit.yaml is committed. Such a value is
found here from the schema's `x-pointer` annotations, taken out of the configuration before anything can echo
it (a collector's "set <value>" message, a schema error), shown only through auditor.redact, and reported as
a finding (BA-114) so the gate fails and the secret gets rotated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditor.model import Record
from auditor.redact import redact

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PEM = re.compile(r"-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----")


@dataclass(frozen=True, repr=False, eq=False)
class PastedSecret(Record):
    """A secret value found in a pointer setting: where, and a redacted preview. Never the value."""

    path: tuple[str | int, ...]
    line: int
    pointer: str  # "env" or "file": what the key should have held
    preview: str
    # The value's length class and characters are not kept: only auditor.redact's preview.

    @property
    def key(self) -> str:
        return ".".join(str(p) for p in self.path)


def _high_entropy(value: str) -> bool:
    """Long, mixed and unpredictable: how generated secrets look, whatever their provider."""
    from auditor.extract.values import shannon_entropy

    classes = sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )
    return len(value) >= 16 and classes >= 3 and shannon_entropy(value) >= 3.5


def looks_secret(value: str) -> bool:
    """Whether a string could be a live secret: the extractor's value classifier, a PEM block, or a long
    high-entropy string. Errs towards yes: it decides what messages may echo."""
    from auditor.extract.values import ValueClass, classify_value

    if _PEM.search(value):
        return True
    return classify_value(value) is ValueClass.SECRET_CANDIDATE or _high_entropy(value)


# A file name with a short extension (audit.pem, vault-token.txt): a pointer, whatever its entropy.
_FILE_NAME = re.compile(r"^[\w.-]*\.[A-Za-z][A-Za-z0-9]{0,4}$")


def _pasted(value: str, pointer: str) -> bool:
    if _PEM.search(value):
        return True
    if pointer == "env":
        if _ENV_NAME.match(value):
            # Variable names are conventionally upper case; a mixed-case, high-entropy "name" is a value.
            return value != value.upper() and _high_entropy(value)
        # Not a variable name: a secret if it reads like one to the classifier's password-key rules (which
        # accept shorter values); otherwise a plain mistake, refused by the schema without echoing it.
        from auditor.extract.values import ValueClass, classify_value

        return looks_secret(value) or classify_value(value, "secret") is ValueClass.SECRET_CANDIDATE
    if "/" in value or "\\" in value or value.startswith("~") or _FILE_NAME.match(value):
        return False
    return looks_secret(value)


def _walk(data: Any, schema: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[tuple[Any, ...]]:
    pointer = schema.get("x-pointer")
    if pointer is not None:
        if isinstance(data, str):
            yield path, data, pointer
        elif isinstance(data, list):
            for i, item in enumerate(data):
                if isinstance(item, str):
                    yield (*path, i), item, pointer
        return
    if isinstance(data, dict):
        props = schema.get("properties") or {}
        for key, value in data.items():
            sub = props.get(key)
            if sub is None and isinstance(schema.get("additionalProperties"), Mapping):
                sub = schema["additionalProperties"]
            if isinstance(sub, Mapping):
                yield from _walk(value, sub, (*path, key))
    elif isinstance(data, list) and isinstance(schema.get("items"), Mapping):
        for i, item in enumerate(data):
            yield from _walk(item, schema["items"], (*path, i))


def find_pasted_secrets(
    data: Any, schema: Mapping[str, Any], line_of: Callable[[Sequence[Any]], int]
) -> list[PastedSecret]:
    """Every pointer value in `data` (per the schema's x-pointer marks) that holds a secret instead."""
    found: list[PastedSecret] = []
    for path, value, pointer in _walk(data, schema, ()):
        if _pasted(value, str(pointer)):
            found.append(PastedSecret(tuple(path), line_of(list(path)), str(pointer), redact(value)))
    return found
