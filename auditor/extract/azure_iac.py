"""What a Bicep file or an ARM template tells the static scan: its literal values as a document (so a password
typed as a parameter's default or an app setting is judged like any configuration value, while `@secure()`
parameters, Key Vault references and `listKeys()` are never values at all), and `azure_iac` hints saying how
the deployed app authenticates (inventory/auth.py reads them):

* `app_password`: an app setting named for the app's own secret (`BOT_PASSWORD`, `MicrosoftAppPassword`,
  `*_CLIENT_SECRET`), with where its value comes from (`secure_param`, `key_vault`, `parameter`, `literal`);
* `list_keys`: an app setting given a service's key read at deployment (`listKeys()`, `listAdminKeys()`…):
  a static key copied into the app's configuration;
* `bot_app_type`: an Azure Bot's `msaAppType` (`UserAssignedMSI` signs in as a managed identity);
* `managed_identity`: a web, function or container app that runs with a managed identity (the way it signs
  in unless it is given a password of its own: auth.py weighs the two);
* `role_assignment`: an Azure role given to a service principal (the keyless pattern), with the role's name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from auditor.extract.azure_templates import Expr, Resource, Template
from auditor.extract.bicep import Arr, Obj
from auditor.extract.tree import Doc, KeyPath
from auditor.model import ReferenceKind

HINT = "azure_iac"
_APP_KINDS = (
    "microsoft.web/sites",
    "microsoft.web/sites/slots",
    "microsoft.app/containerapps",
    "microsoft.app/jobs",
    "microsoft.containerinstance/containergroups",
)
_MAX_NODES = 200_000
# A resource's `list*` action (`listKeys()`, `listAdminKeys()`, `listQueryKeys()`, `listConnectionStrings()`,
# `listCredentials()`, ARM's `listKeys(resourceId(…), '…')`): its secrets, read at deployment.
LIST_CALL = re.compile(r"(?:^|[^A-Za-z0-9_])list[A-Z][A-Za-z]{0,40}\(")


def bicep_doc(tpl: Template) -> Doc:
    """The literal values of a Bicep template as a document: `param.<name>.default`, `var.<name>`,
    `resource.<symbol>.<property…>`, `module.<symbol>.params.<name>`, `output.<name>`. Expressions are left
    out: they hold no value (an interpolated Key Vault reference is listed by `hints`)."""
    data: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    budget = [_MAX_NODES]

    def put(value: Any, path: KeyPath, line: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            return None
        lines[path] = line
        if isinstance(value, Obj):
            out: dict[str, Any] = {}
            for key, child in value.items():
                kept = put(child, (*path, key), value.lines.get(key, value.line))
                if kept is not None:
                    out[key] = kept
            return out
        if isinstance(value, Arr):
            items: list[Any] = []
            for i, child in enumerate(value):
                kept = put(child, (*path, len(items)), value.lines[i] if i < len(value.lines) else value.line)
                if kept is not None:
                    items.append(kept)
            return items
        if isinstance(value, Expr):
            return None  # a reference, a call, an interpolation: no value is written here
        return value

    params: dict[str, Any] = {}
    for name, param in tpl.params.items():
        # A `@secure()` parameter keeps nothing in the file, unless its author typed a default: that is a
        # secret committed like any other.
        kept = put(param.default, ("param", name, "default"), param.line)
        if kept is not None:
            params[name] = {"default": kept}
            lines[("param", name)] = param.line
    if params:
        data["param"] = params
    resources: dict[str, Any] = {}
    for symbol, res in tpl.resources.items():
        body = res.body if isinstance(res.body, Obj) else None
        if body is not None:
            kept = put(body, ("resource", symbol), res.line)
            if kept:
                resources[symbol] = kept
    if resources:
        data["resource"] = resources
    modules: dict[str, Any] = {}
    for symbol, module in tpl.modules.items():
        params_obj = module.params if isinstance(module.params, Obj) else None
        if params_obj is not None:
            kept = put(params_obj, ("module", symbol, "params"), module.line)
            if kept:
                modules[symbol] = {"params": kept}
    if modules:
        data["module"] = modules
    return Doc(data, lines, 1)


def load(text: str, rel: str) -> tuple[Doc | None, Template | None, str | None]:
    """(document, template, error) of a Bicep text; the error names the line where reading stopped."""
    from auditor.extract.azure_templates import load_bicep
    from auditor.extract.bicep import BicepError

    try:
        tpl = load_bicep(text, rel)
    except BicepError as exc:
        return None, None, str(exc)
    except RecursionError:
        return None, None, "nested too deeply"
    return bicep_doc(tpl), tpl, None


def arm_template(doc: Doc, rel: str) -> Template | None:
    """The ARM template a JSON document is, if it is one."""
    from auditor.extract.azure_templates import load_arm, looks_like_arm

    if not looks_like_arm(doc.data):
        return None
    return load_arm(doc.data, rel, doc.line_of)


def _source(tpl: Template, value: Any) -> str | None:
    """Where an app setting's value comes from: None when it sets nothing."""
    if value in (None, ""):
        return None
    if isinstance(value, Expr):
        text = value.text
        if "@Microsoft.KeyVault(" in text:
            return "key_vault"
        if LIST_CALL.search(text):
            return "list_keys"
        if tpl.secure_param(value) is not None:
            return "secure_param"
        if tpl.literal(value) is not None:
            return "literal"
        return "parameter"
    if isinstance(value, str) and "@Microsoft.KeyVault(" in value:
        return "key_vault"
    return "literal"


def _settings(res: Resource) -> list[tuple[str, Any, int]]:
    """(name, value, line) of a web app's app settings, a `config` resource's, or a container's env."""
    out: list[tuple[str, Any, int]] = []
    settings = res.get("properties", "siteConfig", "appSettings")
    if isinstance(settings, list):
        for i, item in enumerate(settings):
            if isinstance(item, Mapping) and isinstance(item.get("name"), str):
                out.append(
                    (
                        item["name"],
                        item.get("value"),
                        res.line_of("properties", "siteConfig", f"appSettings[{i}]"),
                    )
                )
    if res.kind.endswith("/config"):
        props = res.get("properties")
        if isinstance(props, Mapping):
            for key, value in props.items():
                out.append((str(key), value, res.line_of("properties", str(key))))
    containers = res.get("properties", "template", "containers")
    if isinstance(containers, list):
        for container in containers:
            env = container.get("env") if isinstance(container, Mapping) else None
            for item in env if isinstance(env, list) else ():
                if isinstance(item, Mapping) and isinstance(item.get("name"), str):
                    value = item.get("value", item.get("secretRef"))
                    out.append((item["name"], value, res.line))
    return out


def hints(tpl: Template, ev: Any) -> None:
    """The `azure_iac` hints of one template (see the module's docstring)."""
    from auditor.collectors.code.azure_iac import APP_PASSWORD, AZURE_ROLES, BOT, ROLE_ASSIGNMENT

    for res in tpl.resources.values():
        for name, value, line in _settings(res):
            source = _source(tpl, value)
            if source is None:
                continue
            if source == "key_vault" and isinstance(value, Expr):
                # `'@Microsoft.KeyVault(VaultName=kv-${name};SecretName=x)'`: interpolated, so no document
                # value; the reference is what it names.
                start = value.text.find("@Microsoft.KeyVault(") + len("@Microsoft.KeyVault(")
                end = value.text.rfind(")")
                if end > start:
                    ev.reference(ReferenceKind.AZURE_KEY_VAULT, value.text[start:end].strip(), line, name)
            if source == "list_keys":
                ev.manifest(
                    HINT, name, line, f"{res.symbol}.{name}", {"evidence": "list_keys", "setting": name}
                )
            elif APP_PASSWORD.search(name):
                ev.manifest(
                    HINT,
                    name,
                    line,
                    f"{res.symbol}.{name}",
                    {"evidence": "app_password", "setting": name, "source": source},
                )
    for res in tpl.resources.values():
        if res.kind == BOT.lower():
            app_type = tpl.literal(res.get("properties", "msaAppType"))
            if app_type:
                ev.manifest(
                    HINT,
                    tpl.literal(res.body.get("name")) or res.symbol,
                    res.line_of("properties", "msaAppType"),
                    res.symbol,
                    {"evidence": "bot_app_type", "app_type": app_type.lower()},
                )
        elif res.kind in _APP_KINDS:
            kind = (tpl.literal(res.get("identity", "type")) or "").lower().replace(" ", "")
            if "assigned" in kind:
                ev.manifest(
                    HINT,
                    tpl.literal(res.body.get("name")) or res.symbol,
                    res.line_of("identity"),
                    f"{res.symbol}.identity",
                    {"evidence": "managed_identity", "identity": kind},
                )
        elif res.kind == ROLE_ASSIGNMENT:
            props = res.get("properties")
            props = props if isinstance(props, Mapping) else {}
            principal_type = (tpl.literal(props.get("principalType")) or "").lower()
            role = props.get("roleDefinitionId")
            text = tpl.literal(role) or (role.text if isinstance(role, Expr) else "")
            role_name = next((n for guid, (n, _) in AZURE_ROLES.items() if guid in text.lower()), None)
            if principal_type in ("user", "group"):
                continue
            ev.manifest(
                HINT,
                role_name or "role",
                res.line,
                res.symbol,
                {"evidence": "role_assignment", "role": role_name, "principal_type": principal_type or None},
            )
    for module in tpl.modules.values():
        # azd's `core/security/role.bicep` and the like: a role given through a module's parameters.
        params = module.params
        role = params.get("roleDefinitionId") if isinstance(params, Mapping) else None
        text = tpl.literal(role) or ""
        given = next((n for guid, (n, _) in AZURE_ROLES.items() if guid in text.lower()), None)
        principal_type = (tpl.literal(params.get("principalType")) or "").lower() if params else ""
        if given and principal_type not in ("user", "group"):
            ev.manifest(
                HINT,
                given,
                module.line,
                module.symbol,
                {"evidence": "role_assignment", "role": given, "principal_type": principal_type or None},
            )
