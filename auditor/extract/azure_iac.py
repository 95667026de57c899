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
* `role_assignment`: an Azure role given to a service principal (the keyless pattern), with the role's name;
* `param_value`: what a deployment parameters file (`main.parameters.json` with the deploymentParameters
  schema, or a `.bicepparam` file) gives one of its template's parameters: a `literal` (the value itself is
  judged by the detectors like any configuration value), a `key_vault` reference, or an `environment`
  variable (azd's `${VAR}`, the Teams Toolkit's `${{VAR}}`, `readEnvironmentVariable('VAR')`); never the
  value. `template` names the template it applies to (its path without the extension; `folder/*` when the
  file's name does not say), which inventory/azure_params.py joins to the template's `app_password` hint.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from typing import Any

from auditor.extract.azure_templates import Expr, Resource, Template
from auditor.extract.bicep import Arr, Obj
from auditor.extract.keynames import is_password_key, is_secret_key
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
                details = {"evidence": "app_password", "setting": name, "source": source}
                param = tpl.param_name(value) if source in ("secure_param", "parameter") else None
                if param is not None:
                    # The parameter whose value a parameters file may give (inventory/azure_params.py).
                    details["param"] = param
                ev.manifest(HINT, name, line, f"{res.symbol}.{name}", details)
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
        _module_params(tpl, module, ev)
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


# A deployment parameters file's `$schema` (`…/deploymentParameters.json#`, also subscription scope).
PARAMETERS_SCHEMA = "deploymentparameters.json"
_MAX_PARAMS = 1000
# A whole value that is one substitution: azd's `${VAR}` / `${VAR=default}`, the Teams Toolkit's `${{VAR}}`.
_SUBSTITUTION = re.compile(r"\$\{\{?\s*([A-Za-z_][A-Za-z0-9_]{0,127})\s*(?:=[^}]*)?\}\}?")
_PARAMS_NAME = re.compile(r"^(?P<stem>.+?)\.parameters(?:\.[A-Za-z0-9_-]+)?\.json$", re.IGNORECASE)
_USING = re.compile(r"^\s*using\s+'([^'\n]{1,300})'", re.MULTILINE)
_QUOTED = re.compile(r"'([^'\n]{0,300})'")


def is_parameter_file(data: Any) -> bool:
    schema = data.get("$schema") if isinstance(data, Mapping) else None
    return (
        isinstance(schema, str)
        and PARAMETERS_SCHEMA in schema.lower()
        and isinstance(data.get("parameters"), Mapping)
    )


def _template_key(rel: str, using: str | None = None) -> str:
    """The template a parameters file applies to, as its path without the extension: from `using` in a
    `.bicepparam`, from the name of a JSON one (`main.parameters.json`, `main.parameters.prod.json` ->
    `main`), else `folder/*` (any template in its folder that declares the parameter)."""
    folder, _, name = rel.rpartition("/")
    if using is not None:
        path = posixpath.normpath(posixpath.join(folder, using))
        return path.rsplit(".", 1)[0] if path.lower().endswith((".bicep", ".json")) else path
    named = _PARAMS_NAME.match(name)
    if named is None:
        return f"{folder}/*" if folder else "*"
    return f"{folder}/{named.group('stem')}" if folder else named.group("stem")


def _vault_secret(vault: Any, secret: Any) -> str:
    vault_name = vault.rstrip("/").rsplit("/", 1)[-1] if isinstance(vault, str) and vault else "?"
    return f"{vault_name}/{secret if isinstance(secret, str) and secret else '?'}"


def _given(ev: Any, name: str, line: int, key: str, template: str, source: str, **more: str) -> None:
    if not (is_secret_key(name) or is_password_key(name)):
        return  # a region, a SKU, a display name: only a credential's source is worth a hint
    details = {"evidence": "param_value", "template": template, "param": name, "source": source, **more}
    ev.manifest(HINT, name, line, key, details)


def _module_params(tpl: Template, module: Any, ev: Any) -> None:
    """`module_param` hints: a credential-named parameter of this template handed on to a local module's
    parameter (`module web './app/web.bicep' = { params: { appPassword: botPassword } }`), so a parameters
    file's value for this template reaches the app setting the module sets (inventory/azure_params.py)."""
    path = module.path
    params = module.params
    if not isinstance(path, str) or not path.startswith(".") or not isinstance(params, Mapping):
        return  # a registry or template-spec module (`br/public:…`, `ts:…`): not in this repository
    folder = ev.rel.rpartition("/")[0]
    target = posixpath.normpath(posixpath.join(folder, path))
    target = target.rsplit(".", 1)[0] if target.lower().endswith((".bicep", ".json")) else target
    own = ev.rel.rsplit(".", 1)[0]
    for name, value in list(params.items())[:_MAX_PARAMS]:
        source = tpl.param_name(value)
        if source is None or not any(
            f(n) for f in (is_secret_key, is_password_key) for n in (str(name), source)
        ):
            continue
        details = {
            "evidence": "module_param",
            "module": target,
            "param": str(name),
            "from": own,
            "from_param": source,
        }
        line = params.lines.get(name, module.line) if isinstance(params, Obj) else module.line
        ev.manifest(HINT, str(name), line, f"{module.symbol}.params.{name}", details)


def parameter_file(doc: Doc, ev: Any) -> None:
    """The `param_value` hints (and Key Vault references) of a JSON deployment parameters file."""
    params = doc.data["parameters"]
    template = _template_key(ev.rel)
    for name, spec in list(params.items())[:_MAX_PARAMS]:
        if not isinstance(spec, Mapping):
            continue
        name = str(name)
        line = doc.line_of(("parameters", name))
        reference = spec.get("reference")
        if isinstance(reference, Mapping):
            vault = reference.get("keyVault")
            target = _vault_secret(
                vault.get("id") if isinstance(vault, Mapping) else None, reference.get("secretName")
            )
            key = f"parameters.{name}.reference"
            ev.reference(ReferenceKind.AZURE_KEY_VAULT, target, line, key)
            _given(ev, name, line, key, template, "key_vault", target=target)
            continue
        value = spec.get("value")
        if not isinstance(value, str) or not value.strip():
            continue  # numbers, flags, objects, empty values: no credential is given here
        key = f"parameters.{name}.value"
        whole = _SUBSTITUTION.fullmatch(value.strip())
        if whole is not None:
            _given(
                ev,
                name,
                doc.line_of(("parameters", name, "value")),
                key,
                template,
                "environment",
                variable=whole.group(1),
            )
        elif "${" not in value:
            _given(ev, name, doc.line_of(("parameters", name, "value")), key, template, "literal")


def bicepparam(tpl: Template, text: str, ev: Any) -> None:
    """The `param_value` hints (and references) of a `.bicepparam` file: `using './main.bicep'`, then
    `param name = value` lines."""
    using = _USING.search(text)
    template = _template_key(ev.rel, using.group(1) if using else None)
    for name, param in list(tpl.params.items())[:_MAX_PARAMS]:
        value = param.default
        key = f"param.{name}.default"
        if isinstance(value, str):
            if value.strip():
                _given(ev, name, param.line, key, template, "literal")
            continue
        if not isinstance(value, Expr):
            continue
        call = value.text.strip()
        # `string(readEnvironmentVariable('X'))`: a conversion around the call says the same.
        for wrapper in ("string(", "array(", "int(", "bool(", "json("):
            if call.startswith(wrapper) and call.endswith(")"):
                call = call[len(wrapper) : -1].strip()
        args = _QUOTED.findall(call)
        if call.startswith(("readEnvironmentVariable(", "sys.readEnvironmentVariable(")) and args:
            ev.reference(ReferenceKind.ENV_VAR, args[0], param.line, f"param.{name}")
            _given(ev, name, param.line, f"param.{name}", template, "environment", variable=args[0])
        elif call.startswith(("getSecret(", "az.getSecret(")) and len(args) >= 4:
            target = _vault_secret(args[2], args[3])
            ev.reference(ReferenceKind.AZURE_KEY_VAULT, target, param.line, f"param.{name}")
            _given(ev, name, param.line, f"param.{name}", template, "key_vault", target=target)
