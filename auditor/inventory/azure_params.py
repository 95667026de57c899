"""Deployment parameters files applied to their templates: the value a `main.parameters.json` or a
`.bicepparam` gives a parameter that an app setting is set from.

A Bicep or ARM template says `MicrosoftAppPassword: botPassword`; where the password comes from is in the
parameters file beside it. extract/azure_iac.py leaves an `app_password` hint naming the parameter and a
`param_value` hint per parameter a parameters file gives (a literal, a Key Vault reference, an environment
variable); this module joins the two within one agent, so the connection says where the password is kept,
and a literal secret there becomes the connection's own credential rather than a stray key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from auditor.model import ManifestHint

HINT = "azure_iac"
# When several parameters files give one parameter (main.parameters.json and main.parameters.prod.json, a
# JSON and a .bicepparam), the one that exposes the most decides: a literal, then an environment variable
# (whoever sets it holds the value), then a Key Vault reference.
_RANK = {"literal": 0, "environment": 1, "key_vault": 2}
# Module calls followed from the template that sets an app password up to the one a parameters file serves.
_MAX_MODULE_DEPTH = 4


def _stem(path: str) -> str:
    """A template's path without its extension: the key parameters files and module calls name it by."""
    return path.rsplit(".", 1)[0] if path.lower().endswith((".bicep", ".json")) else path


def join(hints: Sequence[ManifestHint]) -> tuple[tuple[ManifestHint, ...], dict[tuple[str, str], str]]:
    """The hints with each `app_password` hint whose parameter a parameters file gives rewritten to say so
    (`source: param_file`, `given`: literal / key_vault / environment, where, and the variable or vault
    secret), and the (path, key) of each literal value so given, mapped to the setting it feeds."""
    given: dict[tuple[str, str], list[ManifestHint]] = {}
    passed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for hint in hints:
        d = hint.details
        if hint.kind == HINT and d.get("evidence") == "param_value":
            given.setdefault((str(d.get("template")), str(d.get("param"))), []).append(hint)
        elif hint.kind == HINT and d.get("evidence") == "module_param":
            module = (str(d.get("module")), str(d.get("param")))
            passed.setdefault(module, []).append((str(d.get("from")), str(d.get("from_param"))))
    if not given:
        return tuple(hints), {}

    def values(stem: str, param: str, depth: int = 0) -> list[ManifestHint]:
        """What parameters files give `param` of the template `stem`, directly or through the templates
        that pass one of their own parameters to it as a module (a few levels at most)."""
        folder = stem.rpartition("/")[0]
        found = given.get((stem, param)) or given.get((f"{folder}/*" if folder else "*", param))
        if found or depth >= _MAX_MODULE_DEPTH:
            return found or []
        for parent, parent_param in passed.get((stem, param), ()):
            found = values(parent, parent_param, depth + 1)
            if found:
                return found
        return []

    out: list[ManifestHint] = []
    literals: dict[tuple[str, str], str] = {}
    for hint in hints:
        d = hint.details
        param = d.get("param")
        if hint.kind == HINT and d.get("evidence") == "app_password" and isinstance(param, str):
            candidates = values(_stem(hint.location.path), param)
            if candidates:
                chosen = min(
                    candidates, key=lambda h: (_RANK.get(str(h.details.get("source")), 9), h.sort_key())
                )
                hint = replace(hint, details=_joined(d, chosen))
                for value in candidates:
                    if value.details.get("source") == "literal" and value.location.key:
                        literals[(value.location.path, value.location.key)] = str(d.get("setting") or "")
        out.append(hint)
    return tuple(out), literals


def _joined(details: Mapping[str, object], value: ManifestHint) -> dict[str, object]:
    vd = value.details
    joined: dict[str, object] = {
        **details,
        "source": "param_file",
        "given": vd.get("source"),
        "given_at": f"{value.location.path}:{value.location.line}",
    }
    for extra in ("variable", "target"):
        if vd.get(extra):
            joined[extra] = vd[extra]
    return joined
