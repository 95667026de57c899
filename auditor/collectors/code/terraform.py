"""Terraform configurations (HCL via python-hcl2, `.tf.json`) and `terraform show -json` plans -> blocks.

A `Module` holds every resource and data block of the scanned Terraform, with normalised values and the line
that declares it, and resolves the references code collectors need (`aws_iam_user.bot.name`,
`data.aws_iam_policy_document.p.json`, `jsonencode({...})`, `var.x` defaults, `local.y`). What cannot be
resolved offline stays an `Expr` and the collector reports the reach as partial.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class TerraformError(ValueError):
    """A Terraform file that cannot be read; the message names the file, never its values."""


@dataclass(frozen=True)
class Expr:
    """An expression Terraform evaluates (`aws_iam_user.bot.name`), kept as written."""

    text: str

    def __str__(self) -> str:
        return "${" + self.text + "}"


@dataclass
class Block:
    """One `resource` or `data` block (or planned resource): its normalised body and where it is declared."""

    mode: str  # "resource" or "data"
    type: str
    name: str
    body: dict[str, Any]
    rel: str
    line: int

    @property
    def address(self) -> str:
        return f"{self.type}.{self.name}" if self.mode == "resource" else f"data.{self.type}.{self.name}"


_META_KEYS = frozenset(
    {"__is_block__", "__start_line__", "__end_line__", "__comments__", "__inline_comments__"}
)
_HEREDOC = re.compile(r'^"?<<(-?)([A-Za-z_][A-Za-z0-9_]*)\n(.*)\n[ \t]*\2"?$', re.S)
_INTERP_ONLY = re.compile(r"^\$\{(.*)\}$", re.S)


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    return "\n".join(ln[cut:] for ln in lines)


def _balanced_interp(text: str) -> bool:
    """Whether `${...}` wraps the whole string (not `${a}/${b}`)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0


def normalise(value: Any) -> Any:
    """python-hcl2's serialisation -> plain values: unquoted strings, heredoc bodies, `Expr` expressions."""
    if isinstance(value, str):
        heredoc = _HEREDOC.match(value)
        if heredoc:
            body = heredoc.group(3)
            return _dedent(body) if heredoc.group(1) else body
        if len(value) >= 2 and value[0] == value[-1] == '"':
            inner = _unescape(value[1:-1])
            whole = _INTERP_ONLY.match(inner)
            return Expr(whole.group(1).strip()) if whole and _balanced_interp(inner[1:]) else inner
        whole = _INTERP_ONLY.match(value)
        if whole and _balanced_interp(value[1:]):
            return Expr(whole.group(1).strip())
        return value
    if isinstance(value, Mapping):
        return {
            (k[1:-1] if isinstance(k, str) and len(k) >= 2 and k[0] == k[-1] == '"' else k): normalise(v)
            for k, v in value.items()
            if k not in _META_KEYS
        }
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


def _header_lines(text: str) -> dict[tuple[str, str, str], int]:
    """(mode, type, name) -> line of its `resource "type" "name" {` header (linear, one regex pass)."""
    lines: dict[tuple[str, str, str], int] = {}
    pattern = re.compile(r'^[ \t]*(resource|data)[ \t]+"?([\w-]+)"?[ \t]+"?([\w-]+)"?[ \t]*\{', re.M)
    for m in pattern.finditer(text):
        lines.setdefault((m.group(1), m.group(2), m.group(3)), text.count("\n", 0, m.start()) + 1)
    return lines


def load_hcl_blocks(text: str, rel: str) -> tuple[list[Block], dict[str, Any], dict[str, Any]]:
    """Blocks, variable defaults and locals of one `.tf` file."""
    from auditor.extract.hclparse import parse_hcl  # the extractor parsed this text already: cached

    try:
        data = parse_hcl(text)
    except Exception as exc:  # noqa: BLE001 - the HCL parser raises several unrelated types
        raise TerraformError(f"{rel}: not valid HCL ({type(exc).__name__})") from exc
    return _blocks_from(normalise(data), rel, _header_lines(text))


def _blocks_from(
    data: Mapping[str, Any], rel: str, header: Mapping[tuple[str, str, str], int]
) -> tuple[list[Block], dict[str, Any], dict[str, Any]]:
    blocks: list[Block] = []
    for mode in ("resource", "data"):
        groups = data.get(mode) or []
        for group in [groups] if isinstance(groups, Mapping) else groups:
            if not isinstance(group, Mapping):
                continue
            for rtype, named in group.items():
                if not isinstance(named, Mapping):
                    continue
                for name, body in named.items():
                    bodies = body if isinstance(body, list) else [body]
                    for one in bodies:
                        if isinstance(one, Mapping):
                            line = header.get((mode, str(rtype), str(name)), 1)
                            blocks.append(Block(mode, str(rtype), str(name), dict(one), rel, line))
    variables: dict[str, Any] = {}
    raw_vars = data.get("variable") or []
    for group in [raw_vars] if isinstance(raw_vars, Mapping) else raw_vars:
        if isinstance(group, Mapping):
            for name, body in group.items():
                if isinstance(body, Mapping) and "default" in body:
                    variables[str(name)] = body["default"]
    locals_: dict[str, Any] = {}
    raw_locals = data.get("locals") or []
    for group in [raw_locals] if isinstance(raw_locals, Mapping) else raw_locals:
        if isinstance(group, Mapping):
            locals_.update({str(k): v for k, v in group.items()})
    return blocks, variables, locals_


def load_tf_json(text: str, rel: str) -> tuple[list[Block], dict[str, Any], dict[str, Any]]:
    """Terraform's JSON syntax (`main.tf.json`): the same blocks, values written as JSON."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise TerraformError(f"{rel}: not valid JSON") from exc
    if not isinstance(data, Mapping):
        raise TerraformError(f"{rel}: not a Terraform JSON configuration")
    header: dict[tuple[str, str, str], int] = {}
    for mode in ("resource", "data"):
        for rtype, named in (data.get(mode) or {}).items() if isinstance(data.get(mode), Mapping) else ():
            for name in named if isinstance(named, Mapping) else ():
                at = text.find(f'"{name}"', text.find(f'"{rtype}"'))
                header[(mode, rtype, name)] = text.count("\n", 0, at) + 1 if at >= 0 else 1
    return _blocks_from(_json_exprs(data), rel, header)


def _json_exprs(value: Any) -> Any:
    """Interpolations in JSON syntax (`"${aws_iam_user.bot.name}"`) become `Expr` like in HCL."""
    if isinstance(value, str):
        whole = _INTERP_ONLY.match(value)
        return Expr(whole.group(1).strip()) if whole and _balanced_interp(value[1:]) else value
    if isinstance(value, Mapping):
        return {k: _json_exprs(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_exprs(v) for v in value]
    return value


def is_plan(data: Any) -> bool:
    return (
        isinstance(data, Mapping)
        and "format_version" in data
        and ("planned_values" in data or "values" in data or "resource_changes" in data)
    )


def load_plan(text: str, rel: str) -> list[Block]:
    """Resources of `terraform show -json` (plan or state): values are already evaluated by Terraform."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise TerraformError(f"{rel}: not valid JSON") from exc
    if not is_plan(data):
        raise TerraformError(f"{rel}: not a terraform show -json document")
    root = (data.get("planned_values") or data.get("values") or {}).get("root_module") or {}
    blocks: list[Block] = []
    for res in _plan_resources(root):
        mode = "data" if res.get("mode") == "data" else "resource"
        address = str(res.get("address") or "")
        at = text.find(f'"address": "{address}"')
        if at < 0:
            at = text.find(f'"address":"{address}"')
        # A module path and count/for_each index make the address unique; the name keeps them for display.
        name = address.split(f"{res.get('type')}.", 1)[-1] if address else str(res.get("name"))
        values: Mapping[str, Any] = res["values"] if isinstance(res.get("values"), Mapping) else {}
        blocks.append(
            Block(
                mode,
                str(res.get("type")),
                name,
                dict(values),
                rel,
                text.count("\n", 0, at) + 1 if at >= 0 else 1,
            )
        )
    return blocks


def _plan_resources(module: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    stack = [module]
    while stack:
        current = stack.pop()
        yield from (r for r in current.get("resources") or () if isinstance(r, Mapping))
        stack.extend(c for c in current.get("child_modules") or () if isinstance(c, Mapping))


_REF = re.compile(r"^(data\.)?([a-z][\w-]*)\.([\w-]+)(\[[^\]]*\])?((?:\.[\w-]+|\[[^\]]*\])*)$")
# One step of an attribute path after a reference: `.name` or `["key"]` / `[0]`. An index holds no `[`: with
# `[^\]"]*` every `[` of a run of them scanned to the end of the text (quadratic).
ATTRIBUTE_STEP = re.compile(r'\.([\w-]{1,256})|\["?([^\]"\[]{0,4096})"?\]')


@dataclass
class Module:
    """Every block of the scanned Terraform, indexed for reference resolution."""

    blocks: list[Block] = field(default_factory=list)
    variables: dict[str, Any] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_address: dict[str, Block] = {}

    def add(self, blocks: list[Block], variables: Mapping[str, Any], locals_: Mapping[str, Any]) -> None:
        self.blocks.extend(blocks)
        self.variables.update(variables)
        self.locals.update(locals_)
        for b in blocks:
            self._by_address.setdefault(b.address, b)

    def of_type(self, *types: str, mode: str = "resource") -> list[Block]:
        return [b for b in self.blocks if b.mode == mode and b.type in types]

    def block(self, address: str) -> Block | None:
        return self._by_address.get(address)

    def ref(self, value: Any) -> tuple[Block | None, list[str]]:
        """The block an expression points at, and the attribute path after it."""
        if not isinstance(value, Expr):
            return None, []
        m = _REF.match(value.text.strip())
        if not m:
            return None, []
        address = ("data." if m.group(1) else "") + f"{m.group(2)}.{m.group(3)}"
        rest = [a or b for a, b in ATTRIBUTE_STEP.findall(m.group(5) or "")]
        return self.block(address), rest

    def resolve(self, value: Any, depth: int = 0) -> Any:
        """A value with `var.`, `local.` and block attribute references replaced where Terraform code says."""
        if depth > 8:
            return value
        if isinstance(value, Expr):
            text = value.text.strip()
            if text.startswith("var.") and text[4:] in self.variables:
                return self.resolve(self.variables[text[4:]], depth + 1)
            if text.startswith("local.") and text[6:] in self.locals:
                return self.resolve(self.locals[text[6:]], depth + 1)
            if text.startswith("jsonencode(") and text.endswith(")"):
                return self.resolve(hcl_expression(text[len("jsonencode(") : -1]), depth + 1)
            block, rest = self.ref(value)
            if block is not None and len(rest) == 1 and rest[0] in block.body:
                return self.resolve(block.body[rest[0]], depth + 1)
            return value
        if isinstance(value, Mapping):
            return {k: self.resolve(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v, depth + 1) for v in value]
        return value

    def text(self, value: Any) -> str | None:
        """A resolved plain string, or None when it stays an expression."""
        resolved = self.resolve(value)
        if isinstance(resolved, str | int | float) and not isinstance(resolved, bool):
            return str(resolved)
        return None


def hcl_expression(text: str) -> Any:
    """Parse one HCL expression (the argument of `jsonencode(...)`) into plain values; `Expr` on failure."""
    from auditor.extract.hclparse import parse_hcl

    try:
        data = parse_hcl("x = " + text + "\n")
    except Exception:  # noqa: BLE001 - the HCL parser raises several unrelated types
        return Expr(f"jsonencode({text})")
    return normalise(data.get("x"))


def plain(value: Any) -> Any:
    """A resolved value as JSON-able data (expressions become their `${...}` text)."""
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]
