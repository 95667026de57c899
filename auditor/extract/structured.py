"""Scan every scalar of a structured document: secrets by key and value, references, settings, env names."""

from __future__ import annotations

from collections.abc import Collection

from auditor.extract import references
from auditor.extract.evidence import Evidence
from auditor.extract.formats import context_for_path
from auditor.extract.tree import Doc, KeyPath, iter_dotted_scalars, last_key, scalar_text
from auditor.extract.vocabulary import is_setting_key, setting_word

# Mapping keys whose children are environment variables (compose, MCP configs, Actions, serverless...).
ENV_KEYS = frozenset(
    {"env", "environment", "envs", "env_vars", "envvars", "environment_variables", "variables"}
)


def env_name(doc: Doc, path: KeyPath, env_root: bool) -> str | None:
    """The environment variable a scalar defines, if the path is an env map entry or a k8s `env[]` value."""
    if env_root and len(path) == 1 and isinstance(path[0], str):
        return path[0]
    if (
        len(path) >= 2
        and isinstance(path[-1], str)
        and isinstance(path[-2], str)
        and path[-2].lower() in ENV_KEYS
    ):
        return path[-1]
    if (
        len(path) >= 3
        and path[-1] == "value"
        and isinstance(path[-2], int)
        and isinstance(path[-3], str)
        and path[-3].lower() in ENV_KEYS
    ):
        name = doc.get(*path[:-1], "name")
        return name if isinstance(name, str) else None
    # Compose-style lists: `environment: ["KEY=value"]`.
    return None


# A mapping of at least this many keys whose values are pairwise distinct integers is an id table: a
# tokenizer's vocabulary (GPT-2's `encoder.json`, `{"Ġsub": 1778, "ittle": 2340, …}`, 50,257 entries), an
# enumeration of codes. Its keys are data, not configuration keys: none of its entries is a Setting, however
# its key reads (`Ġsub` is a word piece, not a token's subject claim; `ittle` holds no TTL). 256: a byte-level
# vocabulary's base alphabet alone; configuration mappings are far smaller, and their values are not all ids.
ID_TABLE_MIN = 256


def id_tables(data: object, base: KeyPath = (), budget: int = 2_000_000) -> set[KeyPath]:
    """The key paths of the id tables in `data` (see ID_TABLE_MIN). Walks the containers only, building a
    path only for a container that holds containers (a large document's scalars cost one type test each)."""
    found: set[KeyPath] = set()
    stack: list[tuple[KeyPath, object]] = [(base, data)]
    while stack and budget > 0:
        path, node = stack.pop()
        budget -= 1
        if isinstance(node, dict):
            if len(node) >= ID_TABLE_MIN:
                ids = [v for v in node.values() if type(v) is int]  # not bool, not a float
                if len(ids) == len(node):
                    if len(set(ids)) == len(ids):
                        found.add(path)
                    continue  # integers only: no container inside
            stack.extend((path + (str(k),), v) for k, v in node.items() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((path + (i,), v) for i, v in enumerate(node) if isinstance(v, dict | list))
    return found


def scan_doc(
    doc: Doc,
    ev: Evidence,
    *,
    env_root: bool = False,
    skip: Collection[KeyPath] = (),
    base: KeyPath = (),
) -> None:
    """Run detectors on each scalar with its key name, and record references, Settings and env names."""
    # Two passes: the scalars first, so the detectors see them all at once (one gate pass per document,
    # DetectorSet.scan_values); then each in document order, as one pass would. The helpers that read a
    # value's name from elsewhere (_variable_name, _pair_name, _list_env_entry, env_name) answer only for
    # a few last keys, which are checked first: most scalars of a large document need none of them.
    if env_root and not base and not skip and _scan_flat(doc, ev):
        return
    scalars: list[tuple[KeyPath, str, str, str | None, tuple[str, str] | None, bool]] = []
    root = doc.data if not base else doc.get(*base)
    for path, dotted, value in iter_dotted_scalars(root, base):
        if skip and any(path[: len(prefix)] == prefix for prefix in skip):
            continue
        text = value if type(value) is str else scalar_text(value)  # most scalars are text already
        if text is None or text == "":
            if text == "" and (name := env_name(doc, path, env_root)):
                scalars.append((path, dotted, "", name, None, True))  # a declared variable without a value
            continue
        last = path[-1] if path else None
        list_env = None
        if isinstance(last, str):
            name = last
            if last.lower() in _NAMED_ELSEWHERE:
                name = _variable_name(path) or _pair_name(doc, path) or last
        else:
            name = last_key(path)
            list_env = _list_env_entry(text, path)
            if list_env is not None:
                # `environment: ["KEY=value"]` (compose) reads as KEY with its value.
                name, text = list_env
        scalars.append((path, dotted, text, name, list_env, False))
    found = ev.detectors.scan_values([(name, text) for _, _, text, name, _, empty in scalars if not empty])
    # Entries of an id table record no Setting by their key (ID_TABLE_MIN); only a large document holds one.
    tables = id_tables(root, base) if len(scalars) >= ID_TABLE_MIN and not ev.secrets_only else set()
    hits_of = iter(found)
    # The values parse may find a reference in, found for the whole document at once.
    held = set() if ev.secrets_only else references.may_hold_each([text for _, _, text, *_ in scalars])
    known = _KEY_FACTS
    for index, (path, dotted, text, name, list_env, empty) in enumerate(scalars):
        if empty:
            assert name is not None  # an env entry's name, found above
            if not ev.secrets_only:
                ev.setting(name, "", doc.line_of(path), dotted)
            continue
        # The line is asked for only when something is recorded: a JSON document's lines are worked out on
        # first use (jsondoc), and most scalars of a large data file record nothing.
        hits = next(hits_of)
        if hits:
            line = doc.line_of(path)
            context = context_for_path(path, ev.kind.context)
            for hit in hits:
                found_line, at = ev.place(hit.value, line)
                ev.secret(hit, line=found_line, key=dotted, context=context, at=at)
        if ev.secrets_only:
            continue  # what follows records references and settings, never a secret
        for ref in references.parse(text, name) if index in held else ():
            ev.reference(ref.kind, ref.target, doc.line_of(path), dotted)
        # The facts of the last key (_key_facts), remembered by key; not for an id table's entries, which
        # record no Setting and whose keys a scan sees once each (a vocabulary's 50,000).
        tabled = tables and path[:-1] in tables
        last = path[-1] if path else None
        facts = (known.get(last) or _key_facts(last)) if type(last) is str and not tabled else None
        # from_key answers only under a few last keys (references.key_may_refer). An id table's entry is an
        # integer (id_tables: not a bool), whose text (digits, perhaps a minus) is no path: from_key can only
        # answer it under an `existingSecret` key (references.existing_secret_key).
        if tabled and type(last) is str:
            keyed = references.from_key(path, text) if references.existing_secret_key(last) else None
        else:
            keyed = references.from_key(path, text) if facts is None or facts[1] else None
        if keyed is not None:
            ev.reference(keyed[0], keyed[1], doc.line_of(path), dotted)
        variable = list_env[0] if list_env else None
        if variable is None and (
            # env_name answers only here: at an env file's root, under a key that names environment
            # variables, or under `value` (a Kubernetes `env[]` entry).
            (len(path) >= 2 and isinstance(path[-2], str) and path[-2].lower() in ENV_KEYS)
            or last == "value"
            or (env_root and len(path) == 1)
        ):
            variable = env_name(doc, path, env_root)
        if variable is not None:
            ev.setting(variable, "" if hits else text, doc.line_of(path), dotted)
        elif (
            not hits
            and not tabled
            and (setting_word(last) if facts is not None and facts[0] else is_setting_key(dotted))
        ):
            ev.setting(dotted, text, doc.line_of(path), dotted, judge_as=name)


# _key_facts's answers, by key (keys up to _KEY_FACT_CHARS long; at most _KEY_FACT_COUNT, then the memory
# starts over). A scan meets the same few thousand keys under ever new paths: scan_doc asks these questions of
# each scalar's last key, and each answer depends on that key alone.
_KEY_FACT_CHARS = 256
_KEY_FACT_COUNT = 16384
_KEY_FACTS: dict[str, tuple[bool, bool]] = {}


def _key_facts(key: str) -> tuple[bool, bool]:
    """What scan_doc needs of a scalar's last key when it is text: (whether `is_setting_key` of a dotted path
    ending in the key is `setting_word(key)`, `references.key_may_refer(key)`). Both are cheap tests of the
    key: the setting verdict itself is asked only when scan_doc needs it (not of a flagged value's key).

    is_setting_key judges a dotted path by its last segment once `[n]` indexes are cut out, or by the one
    before when that segment is all digits. A key without `.` and `[` is the last segment of any dotted path
    iter_dotted_scalars builds for it (`joint + key`, the joint ending in `.`, so no `[n]` spans into it),
    and is judged alone (setting_word) unless it is all digits. tests/test_key_facts.py compares each answer
    with the plain computation."""
    facts = ("." not in key and "[" not in key and not key.isdigit(), references.key_may_refer(key))
    if len(key) <= _KEY_FACT_CHARS:
        if len(_KEY_FACTS) >= _KEY_FACT_COUNT:
            _KEY_FACTS.clear()
        _KEY_FACTS[key] = facts
    return facts


def _scan_flat(doc: Doc, ev: Evidence) -> bool:
    """scan_doc of an env file's document (env_root, no base, nothing skipped) when it is one flat mapping of
    non-empty text keys to text values, as load_env builds: False (nothing done) for any other document.

    The same calls on `ev`, in the same order, as scan_doc's loop makes for such a document, whose every
    scalar sits at a path of one key: its dotted path and the name it is judged under are the key (no
    _NAMED_ELSEWHERE helper answers for a path that short), env_name gives the key (an env file's root), so
    every value is a variable's Setting, an empty one too; its line is `lines[(key,)]` or the document's
    (Doc.line_of); text values make no id table. What this skips is the walk, the path tests and the
    per-scalar helpers that all answer the same for each of an env file's hundreds of lines."""
    data = doc.data
    if type(data) is not dict:
        return False
    for key, value in data.items():
        if type(key) is not str or not key or type(value) is not str:
            return False
    items = list(data.items())
    found = ev.detectors.scan_values([(key, text) for key, text in items if text])
    hits_of = iter(found)
    secrets_only = ev.secrets_only
    held = set() if secrets_only else references.may_hold_each([text for _, text in items])
    lines = doc.lines
    for index, (key, text) in enumerate(items):
        line = lines.get((key,))
        if line is None:
            line = doc.line
        if not text:
            if not secrets_only:
                ev.setting(key, "", line, key)
            continue
        hits = next(hits_of)
        if hits:
            context = context_for_path((key,), ev.kind.context)
            for hit in hits:
                found_line, at = ev.place(hit.value, line)
                ev.secret(hit, line=found_line, key=key, context=context, at=at)
        if secrets_only:
            continue
        if index in held:
            for ref in references.parse(text, key):
                ev.reference(ref.kind, ref.target, line, key)
        if references.key_may_refer(key):
            keyed = references.from_key((key,), text)
            if keyed is not None:
                ev.reference(keyed[0], keyed[1], line, key)
        ev.setting(key, "" if hits else text, line, key)
    return True


# The last keys (lowered) under which _variable_name or _pair_name may name a value: under any other, neither
# does and a value is judged under its own key.
_NAMED_ELSEWHERE = frozenset(
    {"default", "value", "parametervalue", "optionvalue", "paramvalue", "defaultvalue"}
)


def _variable_name(path: KeyPath) -> str | None:
    """A Terraform variable's default (`variable "okta_api_token" { default = "..." }`, in HCL or in
    `.tf.json`) is judged under the variable's name: `default` says nothing of what the value is."""
    if len(path) < 3 or path[-1] != "default" or not isinstance(path[-2], str):
        return None
    block = path[-4] if isinstance(path[-3], int) and len(path) >= 4 else path[-3]  # many blocks: a list
    # The same for a setting's default in a JSON Schema (`properties.apiKey.default`: Smithery's
    # configSchema), in a Claude Desktop extension's `user_config.api_key.default`, and for a Bicep
    # parameter's default (`param botPassword string = '…'`, read as `param.<name>.default`).
    return path[-2] if block in ("variable", "properties", "user_config", "param") else None


# A value held beside its name rather than under it: Kubernetes and ECS `env: [{name, value}]`, CloudFormation
# parameter files `[{ParameterKey, ParameterValue}]`, Elastic Beanstalk `option_settings` (`option_name` /
# `value`), HAR headers and cookies `{name, value}`, tag lists `{Key, Value}`, connector credential lists
# `[{paramName, value}]` (a data connection's `accessKey` / `accessSecret`). The value is judged under the
# name it is given, as it would be in an env file.
_PAIR_VALUE_KEYS = frozenset({"value", "parametervalue", "optionvalue", "paramvalue"})
_PAIR_NAME_KEYS = (
    "name", "Name", "key", "Key", "ParameterKey", "ParameterName", "OptionName", "option_name", "optionName",
    "paramName", "param_name", "ParamName", "parameterName", "parameter_name",
)  # fmt: skip


_NAMED_DEFAULT_LISTS = frozenset({"environmentVariables", "environment_variables", "headers"})


def _pair_name(doc: Doc, path: KeyPath) -> str | None:
    """The name a value is given by a sibling key, or by its parameter's name in an Azure (ARM) parameters
    file or template (`parameters.adminPassword.value`, `parameters.adminPassword.defaultValue`)."""
    last = path[-1] if path else None
    if not isinstance(last, str) or len(path) < 2:
        return None
    low = last.lower()
    if low in _PAIR_VALUE_KEYS:
        parent = doc.get(*path[:-1])
        if isinstance(parent, dict):
            for key in _PAIR_NAME_KEYS:
                name = parent.get(key)
                if isinstance(name, str) and name and key != last:
                    return name
    if (
        low == "default"
        and len(path) >= 3
        and isinstance(path[-2], int)
        and isinstance(path[-3], str)
        and path[-3] in _NAMED_DEFAULT_LISTS
    ):
        # The MCP registry's server.json: `environmentVariables: [{name, default}]`, `headers: [{name, …}]`.
        name = doc.get(*path[:-1], "name")
        return name if isinstance(name, str) and name else None
    if (
        low in ("value", "defaultvalue")
        and len(path) >= 3
        and isinstance(path[-2], str)
        and path[-3] == "parameters"
    ):
        return path[-2]
    return None


def _list_env_entry(text: str, path: KeyPath) -> tuple[str, str] | None:
    if (
        len(path) >= 2
        and isinstance(path[-1], int)
        and isinstance(path[-2], str)
        and path[-2].lower() in ENV_KEYS
    ):
        variable, sep, value = text.partition("=")
        if sep and variable.replace("_", "").isalnum():
            return variable, value
    return None
