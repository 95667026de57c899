"""Azure deployment templates, Bicep or ARM JSON, as one shape: parameters, resources, modules, outputs.

Both the extractor (auditor/extract/azure_iac.py: secrets, references, evidence hints) and the code collector
(auditor/collectors/code/azure_iac.py: identities, credentials, role assignments) read this shape, so a Bicep
file and its compiled ARM template say the same thing. Values stay as written: literals as Python values,
anything else as an `Expr` (Bicep source, or an ARM `[…]` expression without its brackets).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.extract.bicep import Arr, BicepError, Expr, Obj, parse_bicep

__all__ = ["BicepError", "Expr", "Param", "Resource", "Template", "load_arm", "load_bicep", "looks_like_arm"]


@dataclass
class Param:
    name: str
    line: int
    secure: bool
    default: Any = None  # a literal, an Expr, or None


@dataclass
class Resource:
    symbol: str  # Bicep's symbolic name; an ARM resource's name as written
    type: str  # `Microsoft.Web/sites`, without the API version
    body: Mapping[str, Any]
    line: int
    existing: bool = False
    conditional: bool = False
    loop: bool = False
    lines: Mapping[str, int] = field(default_factory=dict)  # ARM: dotted key path -> line (Bicep: the body)

    @property
    def kind(self) -> str:
        return self.type.lower()

    def get(self, *path: str) -> Any:
        node: Any = self.body
        for part in path:
            if not isinstance(node, Mapping):
                return None
            node = node.get(part)
        return node

    def line_of(self, *path: str) -> int:
        """The line of a property (`properties.msaAppType`, `appSettings[2]`), else of its nearest parent,
        else the resource's."""
        if isinstance(self.body, Obj):
            return _bicep_line(self.body, path, self.line)
        for end in range(len(path), 0, -1):
            found = self.lines.get(".".join(path[:end]))
            if found:
                return found
        return self.line


@dataclass
class Module:
    symbol: str
    path: str
    params: Mapping[str, Any]
    line: int


@dataclass
class Template:
    rel: str
    language: str  # bicep | arm
    params: dict[str, Param] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)
    extensions: list[str] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)

    def of_type(self, *types: str) -> list[Resource]:
        wanted = {t.lower() for t in types}
        return [r for r in self.resources.values() if r.kind in wanted]

    def literal(self, value: Any, depth: int = 0) -> str | None:
        """A string the template fixes: a literal, or a parameter or variable whose default is one."""
        if isinstance(value, str):
            return value
        if isinstance(value, bool) or value is None or depth > 4:
            return None
        if isinstance(value, int):
            return str(value)
        if isinstance(value, Expr):
            name = arm_parameter(value.text) if self.language == "arm" else value.text.strip()
            if name is not None and name in self.params:
                return self.literal(self.params[name].default, depth + 1)
            var = arm_variable(value.text) if self.language == "arm" else value.text.strip()
            if var is not None and var in self.variables:
                return self.literal(self.variables[var], depth + 1)
        return None

    def param_name(self, value: Any) -> str | None:
        """The name of the parameter a value is exactly (`botPassword`, `[parameters('botPassword')]`)."""
        if not isinstance(value, Expr):
            return None
        name = arm_parameter(value.text) if self.language == "arm" else value.text.strip()
        return name if name is not None and name in self.params else None

    def secure_param(self, value: Any) -> Param | None:
        """The `@secure()` / `securestring` parameter a value is, when it is one."""
        if not isinstance(value, Expr):
            return None
        name = arm_parameter(value.text) if self.language == "arm" else value.text.strip()
        param = self.params.get(name or "")
        return param if param is not None and param.secure else None


def _bicep_line(node: Any, path: tuple[str, ...], line: int) -> int:
    """Walk a Bicep value by `key` and `key[i]` steps to the line of the deepest one found."""
    for step in path:
        key, _, index = step.partition("[")
        if not isinstance(node, Obj) or key not in node:
            return line
        line, node = node.lines.get(key, line), node[key]
        if index:
            i = int(index.rstrip("]")) if index.rstrip("]").isdigit() else -1
            if not isinstance(node, Arr) or not 0 <= i < len(node):
                return line
            line, node = node.lines[i] if i < len(node.lines) else line, node[i]
    return line


def load_bicep(text: str, rel: str) -> Template:
    """A `.bicep` or `.bicepparam` file. Raises BicepError when its strings or brackets do not close."""
    parsed = parse_bicep(text)
    tpl = Template(rel, "bicep", extensions=list(parsed.extensions), unknown=list(parsed.unknown))
    for decl in parsed.decls:
        if decl.kind == "param":
            tpl.params[decl.name] = Param(decl.name, decl.line, "secure" in decl.decorators, decl.value)
        elif decl.kind == "var":
            tpl.variables[decl.name] = decl.value
        elif decl.kind == "output":
            tpl.outputs[decl.name] = decl.value
        elif decl.kind == "module":
            body = decl.value if isinstance(decl.value, Mapping) else {}
            params = body.get("params")
            tpl.modules[decl.name] = Module(
                decl.name, decl.type, params if isinstance(params, Mapping) else {}, decl.line
            )
        elif decl.kind == "resource":
            body = decl.value if isinstance(decl.value, Obj) else Obj(decl.line)
            tpl.resources[decl.name] = Resource(
                decl.name,
                decl.type.split("@", 1)[0],
                body,
                decl.line,
                existing=decl.existing,
                conditional=body.condition is not None,
                loop=body.loop,
            )
    return tpl


def looks_like_arm(data: Any) -> bool:
    return (
        isinstance(data, Mapping)
        and isinstance(data.get("$schema"), str)
        and "deploymenttemplate.json" in data["$schema"].lower()  # also subscription-, tenant-scope
        and isinstance(data.get("resources"), list | Mapping)
    )


def _arm_value(value: Any) -> Any:
    """ARM strings `[expr]` are expressions (`[[` escapes a literal bracket); everything else as is."""
    if (
        isinstance(value, str)
        and value.startswith("[")
        and value.endswith("]")
        and not value.startswith("[[")
    ):
        return Expr(value[1:-1].strip(), 0)
    if isinstance(value, str) and value.startswith("[["):
        return value[1:]
    if isinstance(value, Mapping):
        return {str(k): _arm_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_arm_value(v) for v in value]
    return value


def load_arm(data: Mapping[str, Any], rel: str, line_of: Any) -> Template:
    """An ARM template's JSON (`line_of(path tuple) -> line` from the JSON loader)."""
    tpl = Template(rel, "arm")
    params = data.get("parameters")
    if isinstance(params, Mapping):
        for name, spec in params.items():
            if isinstance(spec, Mapping):
                kind = str(spec.get("type") or "").lower()
                tpl.params[str(name)] = Param(
                    str(name),
                    line_of(("parameters", name)),
                    kind in ("securestring", "secureobject"),
                    _arm_value(spec.get("defaultValue")),
                )
    variables = data.get("variables")
    if isinstance(variables, Mapping):
        tpl.variables = {str(k): _arm_value(v) for k, v in variables.items()}
    outputs = data.get("outputs")
    if isinstance(outputs, Mapping):
        tpl.outputs = {
            str(k): _arm_value(v.get("value")) for k, v in outputs.items() if isinstance(v, Mapping)
        }
    resources = data.get("resources")
    items: list[tuple[tuple[Any, ...], Any, str | None]] = []
    if isinstance(resources, list):
        items = [(("resources", i), r, None) for i, r in enumerate(resources)]
    elif isinstance(resources, Mapping):  # languageVersion 2.0: resources by symbolic name
        items = [(("resources", k), r, str(k)) for k, r in resources.items()]
    index = 0
    while index < len(items) and index < 10_000:  # child resources are appended as their parents are read
        path, raw, symbol = items[index]
        index += 1
        if not isinstance(raw, Mapping) or not isinstance(raw.get("type"), str):
            continue
        body = _arm_value(raw)
        name = raw.get("name")
        symbol = symbol or (str(name) if name is not None else f"resource{len(tpl.resources)}")
        lines = {str(k): line_of((*path, k)) for k in raw}
        props = raw.get("properties")
        if isinstance(props, Mapping):
            lines.update({f"properties.{k}": line_of((*path, "properties", k)) for k in props})
        base = symbol
        n = 2
        while symbol in tpl.resources:
            symbol = f"{base}#{n}"
            n += 1
        tpl.resources[symbol] = Resource(
            symbol,
            str(raw["type"]),
            body,
            line_of(path),
            existing=bool(raw.get("existing")),
            conditional="condition" in raw,
            loop="copy" in raw,
            lines=lines,
        )
        children = raw.get("resources")
        if isinstance(children, list):
            for i, child in enumerate(children):
                if (
                    isinstance(child, Mapping)
                    and isinstance(child.get("type"), str)
                    and "/" not in child["type"]
                ):
                    child = {**child, "type": f"{raw['type']}/{child['type']}"}
                items.append(((*path, "resources", i), child, None))
    return tpl


def load_template_text(text: str, rel: str, kind: str) -> Template | None:
    """A file code discovery marked `bicep` or `arm_template`; None for JSON that is no ARM template.
    Raises BicepError (a Bicep file that does not close) or DocumentError (JSON that does not parse)."""
    if kind == "bicep":
        return load_bicep(text, rel)
    from auditor.extract.jsondoc import load_json

    doc = load_json(text, allow_comments=True)
    if not looks_like_arm(doc.data):
        return None
    return load_arm(doc.data, rel, doc.line_of)


def _call_arg(text: str, function: str) -> str | None:
    """The single quoted argument of `function('x')` when `text` is exactly that call."""
    text = text.strip()
    prefix = f"{function}('"
    if text.startswith(prefix) and text.endswith("')") and "'" not in text[len(prefix) : -2]:
        return text[len(prefix) : -2]
    return None


def arm_parameter(text: str) -> str | None:
    return _call_arg(text, "parameters")


def arm_variable(text: str) -> str | None:
    return _call_arg(text, "variables")


def dotted(value: Any) -> tuple[str, ...] | None:
    """`identity.properties.principalId` -> its parts; None for anything else (a call, a string, an
    index, an operator). Safe navigation (`a.?b`, `a!.b`) reads as plain navigation."""
    if not isinstance(value, Expr):
        return None
    text = value.text.replace("!.", ".").replace(".?", ".")
    parts = text.split(".")
    if not parts or len(parts) > 16:
        return None
    for part in parts:
        if (
            not part
            or not (part[0].isalpha() or part[0] == "_")
            or not all(c.isalnum() or c == "_" for c in part)
        ):
            return None
    return tuple(parts)
