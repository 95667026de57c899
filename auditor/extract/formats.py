"""What kind of file a rel path is: its format family, its secret context, and whether it is a test path."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.discovery.known_clients import KnownConfig, match_known
from auditor.model import SecretContext

SOURCE_SUFFIXES = frozenset(
    {
        ".py",
        ".pyi",
        ".js",
        ".mjs",
        ".cjs",
        ".ts",
        ".tsx",
        ".jsx",
        ".go",
        ".java",
        ".kt",
        ".kts",
        ".scala",
        ".rb",
        ".php",
        ".cs",
        ".fs",
        ".vb",
        ".rs",
        ".swift",
        ".c",
        ".h",
        ".cc",
        ".cpp",
        ".hpp",
        ".m",
        ".sh",
        ".bash",
        ".zsh",
        ".fish",
        ".ps1",
        ".psm1",
        ".bat",
        ".cmd",
        ".lua",
        ".pl",
        ".r",
        ".dart",
        ".ex",
        ".exs",
        ".clj",
        ".groovy",
        ".gradle",
        ".sql",
        ".ipynb",
        ".vue",
        ".svelte",
    }
)
DOCUMENT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".rst", ".adoc", ".org", ".html", ".htm"})
KEY_SUFFIXES = frozenset({".pem", ".key", ".crt", ".cer", ".p8", ".ppk", ".asc", ".gpg"})
KEY_NAMES = frozenset({"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"})
RC_NAMES = frozenset({".npmrc", ".yarnrc", ".yarnrc.yml", ".netrc", "_netrc", ".pgpass", ".git-credentials"})
JSONC_NAMES = frozenset({"mcp.json", "settings.json", "devcontainer.json", "tsconfig.json", "launch.json"})

_TEST_DIRS = frozenset(
    {
        "test",
        "tests",
        "__tests__",
        "spec",
        "specs",
        "fixtures",
        "fixture",
        "testdata",
        "test_data",
        "examples",
        "example",
        "__fixtures__",
        "__mocks__",
        "mocks",
        # End-to-end and integration suites, and recorded outputs.
        "e2e",
        "integration_tests",
        "integration-tests",
        "integrationtests",
        "unit_tests",
        "unit-tests",
        "unittests",
        "functional_tests",
        "functional-tests",
        "functionaltests",
        "test-data",
        "__snapshots__",
    }
)
_TEST_FILE = re.compile(r"(^test_|_test\.\w+$|\.test\.\w+$|\.spec\.\w+$|^conftest\.py$)")
# JUnit, PHPUnit, NUnit and unittest classes named for what they test (`AutoLoginTest.py`, `TokenTests.cs`,
# `VaultClientTestCase.java`): a capital `Test` ending a camel-case name, judged on the name as written.
_CAMEL_TEST_FILE = re.compile(
    r"(?<=[a-z0-9])Test(?:s|Case)?\.(?:py|java|kt|kts|cs|scala|groovy|swift|php|rb)$"
)
_PROMPT_DIRS = frozenset({"prompts", "prompt", "system_prompts", "instructions"})
_TOOL_DIRS = frozenset({"tools", "tool_definitions", "functions"})


@dataclass(frozen=True)
class FileKind:
    """How one file is read: `format` picks the extractor, `context` the default SecretContext."""

    format: str
    context: SecretContext
    in_test_path: bool
    known: KnownConfig | None
    jsonc: bool = False


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def detect_format(rel: str) -> str:
    """yaml, json, env, toml, ini, properties, hcl, bicep, pem, rc, pypirc, source or text."""
    name = rel.rsplit("/", 1)[-1]
    lower = name.lower()
    suffix = _suffix(lower)
    # `.env.yaml` (gcloud --env-vars-file) and `.env.json` are structured; `.env_example`, `.env-sample`,
    # `env.example` are dotenv files however they are spelled.
    if lower.startswith(".env.") and suffix in (".yaml", ".yml", ".json"):
        return "yaml" if suffix != ".json" else "json"
    if (
        lower == ".env"
        or lower.startswith((".env.", ".env_", ".env-"))
        or suffix == ".env"
        or lower in {"env", ".envrc", "env.example", "env.sample", "env.template"}
    ):
        return "env"
    if lower == ".pypirc":
        return "pypirc"
    if lower in RC_NAMES:
        return "yaml" if lower.endswith(".yml") else "rc"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".config" and (rel.startswith(".ebextensions/") or "/.ebextensions/" in rel):
        return "yaml"  # Elastic Beanstalk configuration files are YAML (or JSON, which YAML reads)
    if suffix in (".json", ".jsonc", ".code-workspace") or lower in ("oai_config_list", ".mcp"):
        return "json"
    if suffix == ".toml":
        return "toml"
    if suffix in (".ini", ".cfg") or lower in (".editorconfig", "setup.cfg", ".gitconfig"):
        return "ini"
    if suffix == ".properties":
        return "properties"
    if suffix in (".tf", ".tfvars", ".hcl", ".nomad"):
        return "hcl"
    if suffix in (".bicep", ".bicepparam"):
        return "bicep"
    if suffix in KEY_SUFFIXES or lower in KEY_NAMES:
        return "pem"
    if suffix in SOURCE_SUFFIXES or lower in ("dockerfile", "makefile", "jenkinsfile", "procfile"):
        return "source"
    return "text"


def in_test_path(rel: str) -> bool:
    """Whether the file sits under tests/, fixtures/, examples/... or is named like a test."""
    parts = rel.split("/")
    if any(part.lower() in _TEST_DIRS for part in parts[:-1]):
        return True
    return bool(_TEST_FILE.search(parts[-1].lower()) or _CAMEL_TEST_FILE.search(parts[-1]))


# Translation catalogues hold an application's interface text: `"password": "Contraseña"` is the label of a
# login form in Spanish, not a credential. Folders that hold them, suffixes only they use, and language-tag
# file names (`es.json`, `pt-BR.yml`, `messages_fr.properties`, `app_de.arb`).
_CATALOGUE_DIRS = frozenset(
    {
        "locales",
        "locale",
        "_locales",
        "i18n",
        "l10n",
        "translations",
        "translation",
        "lang",
        "langs",
        "languages",
        "localization",
        "localizations",
        "localisation",
        "localisations",
    }
)
_CATALOGUE_SUFFIXES = frozenset({".po", ".pot", ".arb", ".xlf", ".xliff", ".strings", ".stringsdict", ".ftl"})
_CATALOGUE_DATA = frozenset({"json", "yaml", "properties", "toml", "ini"})
_LANGUAGES = (
    "af|am|ar|az|be|bg|bn|bs|ca|cs|cy|da|de|el|en|eo|es|et|eu|fa|fi|fil|fr|ga|gl|gu|he|hi|hr|hu|hy|id|is|it"
    "|ja|ka|kk|km|kn|ko|ky|lo|lt|lv|mk|ml|mn|mr|ms|my|nb|ne|nl|nn|no|pa|pl|ps|pt|ro|ru|si|sk|sl|sq|sr|sv|sw"
    "|ta|te|th|tl|tr|uk|ur|uz|vi|zh"
    # Country codes used as language names (`jp.ts`, `cn.json`, `kr.yml`): common in chat front ends.
    "|jp|cn|tw|kr|cz|dk|gr|ua|br|se|vn"
)
# Language codes that are also common words or file names (`id.json` is a Solana keypair's usual name): a
# language only inside a catalogue folder.
_AMBIGUOUS_STEMS = frozenset(
    {"id", "is", "my", "no", "am", "be", "ms", "ta", "te", "ne", "si", "ka", "pa", "ps"}
)
_LANGUAGE_STEM = re.compile(
    rf"^(?:(?:messages|strings|translations?|locale|lang|app|resources?)[_.-])?(?:{_LANGUAGES})"
    r"(?:[_-](?:[a-z]{2}|[0-9]{3}|hans|hant|latn|cyrl)){0,2}$"
)


def translation_catalogue(rel: str) -> bool:
    """Whether `rel` is a translation catalogue: interface text by language, where a key named `password`
    holds the word for "password" (`locales/es/translation.json`, `config/locales/de.yml`,
    `res/values-fr/strings.xml`, `messages_it.properties`, `Base.lproj/Localizable.strings`, `*.po`)."""
    folder, _slash, name = rel.lower().rpartition("/")
    suffix = _suffix(name)
    if suffix in _CATALOGUE_SUFFIXES:
        return True
    dirs = folder.split("/") if folder else []
    if name == "strings.xml" and dirs and dirs[-1].startswith("values"):
        return True  # Android string resources: res/values/strings.xml, res/values-es/strings.xml
    if any(d.endswith(".lproj") for d in dirs):
        return True
    stem = name[: -len(suffix)] if suffix else name
    fmt = detect_format(rel)
    if suffix == ".resx":
        return "." in stem and bool(_LANGUAGE_STEM.match(stem.rsplit(".", 1)[1]))  # Strings.es-MX.resx
    in_catalogue_dir = any(d in _CATALOGUE_DIRS for d in dirs)
    language_named = bool(_LANGUAGE_STEM.match(stem)) and (in_catalogue_dir or stem not in _AMBIGUOUS_STEMS)
    if fmt in _CATALOGUE_DATA:
        return language_named or in_catalogue_dir or (fmt == "properties" and stem == "messages")
    # Code modules of a catalogue (`locales/ja/common.js`, `i18n/de.ts`): the language is the file's name or
    # the folder it sits in, under a catalogue folder.
    language_folder = len(dirs) >= 2 and bool(_LANGUAGE_STEM.match(dirs[-1]))
    return fmt == "source" and in_catalogue_dir and (language_named or language_folder)


def default_context(rel: str, fmt: str) -> SecretContext:
    parts = [p.lower() for p in rel.split("/")]
    name = parts[-1]
    dirs = parts[:-1]
    if fmt == "pem":
        return SecretContext.KEY_FILE
    if fmt == "env":
        return SecretContext.ENV_FILE
    if len(dirs) >= 2 and dirs[-2] == ".github" and dirs[-1] == "workflows":
        return SecretContext.WORKFLOW
    if name.endswith(".prompt") or "prompt" in name or any(d in _PROMPT_DIRS for d in dirs):
        return SecretContext.PROMPT
    if any(d in _TOOL_DIRS for d in dirs) and fmt in ("json", "yaml"):
        return SecretContext.TOOL_DEFINITION
    if fmt == "source":
        return SecretContext.SOURCE
    if fmt == "text":
        return SecretContext.DOCUMENT
    return SecretContext.CONFIG


# classify() by path: a function of the path alone, and git history scans the same paths thousands of times
# (one FileKind per file version otherwise). Bounded; cleared when full.
_KINDS: dict[str, FileKind] = {}
_KINDS_MAX = 4096


def classify(rel: str) -> FileKind:
    kind = _KINDS.get(rel)
    if kind is None:
        if len(_KINDS) >= _KINDS_MAX:
            _KINDS.clear()
        kind = _KINDS[rel] = _classify(rel)
    return kind


# What classify needs of a file's folders, by folder (a tree has far fewer folders than files): whether it is
# a GitHub workflow folder, and whether any folder on the path is a prompt, tool-definition or test folder.
_FOLDERS: dict[str, tuple[bool, bool, bool, bool]] = {}
_NO_FOLDER = (False, False, False, False)


def _folder_facts(folder: str) -> tuple[bool, bool, bool, bool]:
    facts = _FOLDERS.get(folder)
    if facts is None:
        if len(_FOLDERS) >= _KINDS_MAX:
            _FOLDERS.clear()
        dirs = [p.lower() for p in folder.split("/")]
        facts = _FOLDERS[folder] = (
            len(dirs) >= 2 and dirs[-2] == ".github" and dirs[-1] == "workflows",
            any(d in _PROMPT_DIRS for d in dirs),
            any(d in _TOOL_DIRS for d in dirs),
            any(d in _TEST_DIRS for d in dirs),
        )
    return facts


# detect_format's answer by suffix, for the names whose suffix alone decides it (most names: _by_suffix),
# filled as suffixes are met. Bounded; cleared when full.
_FORMAT_BY_SUFFIX: dict[str, str] = {}
# Every name detect_format tests by more than its suffix (besides the `.env` prefix, and the suffixes
# `.env` and `.config`): such a name is always asked of detect_format itself. Keep in step with it.
_NAMED = frozenset(
    {
        "env",
        ".envrc",
        "env.example",
        "env.sample",
        "env.template",
        ".pypirc",
        *RC_NAMES,
        "oai_config_list",
        ".mcp",
        ".editorconfig",
        "setup.cfg",
        ".gitconfig",
        *KEY_NAMES,
        "dockerfile",
        "makefile",
        "jenkinsfile",
        "procfile",
    }
)
_NOT_BY_SUFFIX = frozenset({"", ".env", ".config"})


def _format_of(rel: str, lower: str) -> str:
    """detect_format(rel), where `lower` is its last segment in lower case: from the suffix table when the
    suffix alone decides (the name is none that detect_format names, nor a `.env` one, and its suffix is
    neither `.env` nor the rel-dependent `.config`), else detect_format itself."""
    dot = lower.rfind(".")
    suffix = lower[dot:] if dot > 0 else ""
    if suffix in _NOT_BY_SUFFIX or lower in _NAMED or lower.startswith(".env"):
        return detect_format(rel)
    fmt = _FORMAT_BY_SUFFIX.get(suffix)
    if fmt is None:
        if len(_FORMAT_BY_SUFFIX) >= _KINDS_MAX:
            _FORMAT_BY_SUFFIX.clear()
        # Any name of this suffix that detect_format does not name gets the same answer: `x` is such a name.
        fmt = _FORMAT_BY_SUFFIX[suffix] = detect_format("x" + suffix)
    return fmt


# One FileKind for each combination without a known configuration (a handful in any tree): FileKind is
# frozen, so files share it instead of building one each (five object.__setattr__ calls).
_PLAIN_KINDS: dict[tuple[str, SecretContext, bool, bool], FileKind] = {}


def _classify(rel: str) -> FileKind:
    """FileKind(detect_format, default_context, in_test_path, match_known, jsonc) of `rel`, with the
    folders' part of default_context and in_test_path read once per folder, and the format from its
    suffix where the suffix decides (_format_of)."""
    folder, slash, written = rel.rpartition("/")
    name = written.lower()
    fmt = _format_of(rel, name)
    workflow, prompt_dir, tool_dir, test_dir = _folder_facts(folder) if slash else _NO_FOLDER
    if fmt == "pem":
        context = SecretContext.KEY_FILE
    elif fmt == "env":
        context = SecretContext.ENV_FILE
    elif workflow:
        context = SecretContext.WORKFLOW
    elif "prompt" in name or prompt_dir:  # (a name ending `.prompt` has "prompt" in it)
        context = SecretContext.PROMPT
    elif tool_dir and fmt in ("json", "yaml"):
        context = SecretContext.TOOL_DEFINITION
    elif fmt == "source":
        context = SecretContext.SOURCE
    elif fmt == "text":
        context = SecretContext.DOCUMENT
    else:
        context = SecretContext.CONFIG
    # Every alternative of _TEST_FILE and _CAMEL_TEST_FILE spells "test" or "spec": a name with neither skips
    # the searches. The camel-case one reads the name as written (in_test_path's rule).
    in_test = test_dir or (
        ("test" in name or "spec" in name)
        and (_TEST_FILE.search(name) is not None or _CAMEL_TEST_FILE.search(written) is not None)
    )
    jsonc = fmt == "json" and (name.endswith((".jsonc", ".code-workspace")) or name in JSONC_NAMES)
    known = match_known(rel)
    if known is not None:
        return FileKind(fmt, context, in_test, known, jsonc)
    key = (fmt, context, in_test, jsonc)
    kind = _PLAIN_KINDS.get(key)
    if kind is None:
        kind = _PLAIN_KINDS[key] = FileKind(fmt, context, in_test, None, jsonc)
    return kind


# Key names whose values reach the model as text, or define the tools it may call.
_PROMPT_KEYS = re.compile(
    r"^(prompt|prompts|system_prompt|systemprompt|system_message|systemmessage|system|instructions|instruction"
    r"|backstory|goal|template|prompt_template|expected_output)$",
    re.IGNORECASE,
)
_TOOL_KEYS = frozenset({"tools", "functions", "function", "tool_definitions", "input_schema"})


def context_for_path(parts: tuple[str | int, ...], default: SecretContext) -> SecretContext:
    """Refine a file's context by key path: prompt-like keys are PROMPT, tool schemas TOOL_DEFINITION."""
    if default in (SecretContext.KEY_FILE, SecretContext.ENV_FILE):
        return default
    strings = [p for p in parts if isinstance(p, str)]
    lowered = [p.lower() for p in strings]
    if any(p in _TOOL_KEYS for p in lowered):
        return SecretContext.TOOL_DEFINITION
    # A tool's `parameters` is a JSON schema (`parameters.properties.<arg>`); an Azure deployment's, a
    # CloudFormation template's or an OpenAPI operation's `parameters` are configuration.
    if "parameters" in lowered and "properties" in lowered[lowered.index("parameters") + 1 :]:
        return SecretContext.TOOL_DEFINITION
    if strings and _PROMPT_KEYS.match(strings[-1]):
        return SecretContext.PROMPT
    if strings and strings[-1].lower() == "content" and "messages" in (s.lower() for s in strings):
        return SecretContext.PROMPT
    return default
