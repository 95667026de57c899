"""Kubernetes manifests: decode Secret data, turn secretKeyRef into references, and describe workloads."""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from auditor.extract.detectors import Hit
from auditor.extract.evidence import Evidence
from auditor.extract.formats import context_for_path
from auditor.extract.tree import Doc, KeyPath, iter_mappings, key_path
from auditor.extract.values import ValueClass, classify_value
from auditor.extract.yamldoc import load_yaml
from auditor.model import Confidence, ReferenceKind

WORKLOAD_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"})
RBAC_KINDS = frozenset({"ClusterRoleBinding", "RoleBinding"})
# Annotations that bind a pod's service account to a cloud identity (IRSA, Azure and GKE workload identity).
IDENTITY_ANNOTATIONS = (
    "eks.amazonaws.com/role-arn",
    "azure.workload.identity/client-id",
    "azure.workload.identity/tenant-id",
    "iam.gke.io/gcp-service-account",
)


def is_k8s(doc: Doc) -> bool:
    data = doc.data
    return (
        isinstance(data, dict)
        and isinstance(data.get("apiVersion"), str)
        and isinstance(data.get("kind"), str)
    )


def secret_skip_paths(doc: Doc) -> tuple[KeyPath, ...]:
    """Paths the generic scan must not read raw: a Secret's base64 `data` (scanned decoded instead), and a
    SealedSecret's `encryptedData` (ciphertext only the cluster's controller can open: the good pattern)."""
    if not is_k8s(doc):
        return ()
    kind = doc.data.get("kind")
    if kind == "Secret":
        # Both maps are read by scan_secret_data, which judges every entry as secret material.
        return tuple((name,) for name in _SECRET_MAPS if isinstance(doc.data.get(name), dict))
    if kind == "SealedSecret":
        return (("spec", "encryptedData"), ("spec", "template", "data"))
    return ()


def is_secret(doc: Doc) -> bool:
    return is_k8s(doc) and doc.data.get("kind") == "Secret"


def scan_secret_data(doc: Doc, ev: Evidence) -> None:
    """Scan each `data` entry of a Secret (base64, decoded first) and each `stringData` entry (plain text)
    under the key path `data.KEY` / `stringData.KEY`.

    An entry of a Secret is secret material whatever its key is called (`.dockercfg`, `tls.key`, `api`):
    when no detector recognises the value under its own key, the generic rules judge it as a secret-named
    value, so a random token under a neutral key is still reported and a placeholder or prose still is not.
    """
    if not is_secret(doc):
        return
    for section in _SECRET_MAPS:
        entries = doc.data.get(section)
        if not isinstance(entries, dict):
            continue
        for key, raw in entries.items():
            if not isinstance(raw, str) or not raw.strip():
                continue
            path: KeyPath = (section, str(key))
            line = doc.line_of(path)
            if section == "data":
                try:
                    value = base64.b64decode("".join(raw.split()), validate=True).decode("utf-8")
                except (binascii.Error, ValueError):
                    ev.skip(f"line {line}: Secret data.{key} is not base64 text; not scanned", "parse_error")
                    continue
            else:
                value = raw
            dotted = key_path(path)
            context = context_for_path(path, ev.kind.context)
            hits = _registry_logins(str(key), value, ev) if key in _PULL_SECRET_KEYS else []
            if not hits:
                hits = ev.detectors.scan_value(str(key), value) or ev.detectors.scan_value(_ENTRY_KEY, value)
            for hit in hits:
                ev.secret(hit, line=line, key=dotted, context=context)


# A registry pull Secret's entry (types kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg): a Docker
# config.json, `{"auths": {registry: {...}}}`, or the older form with the registries at the top.
_PULL_SECRET_KEYS = frozenset({".dockerconfigjson", ".dockercfg"})
# The fields of a registry entry that log in: `auth` (base64 of user:password), or the parts written apart.
_LOGIN_FIELDS = ("auth", "password", "identitytoken", "registrytoken")


def _registry_logins(key: str, value: str, ev: Evidence) -> list[Hit]:
    """The logins of a decoded pull Secret, each under the Docker config detector.

    A pull secret exists to hold a registry login, so its `auth` is judged as the password it carries: when
    it is base64 of `user:password`, by that password (`admin:password` is a stand-in); otherwise the value
    itself, as a password (a registry that takes a bare token in `auth`). Placeholders and references are
    left out as everywhere. [] when the entry is not a Docker config (the generic path then reads it)."""
    try:
        config = json.loads(value)
        detector = ev.detectors.get(_PULL_SECRET_DETECTOR)
    except (ValueError, RecursionError, KeyError):  # not JSON, nested past the parser, a custom detector set
        return []
    if not isinstance(config, dict):
        return []
    auths = config.get("auths")
    registries: dict[str, Any] = auths if isinstance(auths, dict) else config
    hits: list[Hit] = []
    for entry in registries.values():
        if not isinstance(entry, dict):
            continue
        for field in _LOGIN_FIELDS:
            login = entry.get(field)
            if not isinstance(login, str) or not login.strip():
                continue
            found = ev.detectors.scan_value(field, login)
            if found:
                hits += found
                continue
            password = login
            if field == "auth":
                user, sep, rest = _decoded_text(login).partition(":")
                if sep and user:
                    password = rest
            if classify_value(password, "password") is ValueClass.SECRET_CANDIDATE:
                reason = f"the registry login of a Kubernetes pull secret ({key})"
                hits.append(Hit(detector, login, 0, 0, Confidence(detector.confidence), field, reason))
    return hits


def _decoded_text(value: str) -> str:
    """`value` decoded from base64 as UTF-8 text ('' when it is not)."""
    try:
        raw = base64.b64decode(value + "=" * (-len(value) % 4), validate=True)
        return raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return ""


_PULL_SECRET_DETECTOR = "docker-config-auth"

# The maps of a Secret that hold values, and the key name their entries are judged under when their own
# key says nothing (a Secret's entries are secrets by definition).
_SECRET_MAPS = ("data", "stringData")
_ENTRY_KEY = "secret"
# A Kubernetes Secret written in a file that is not YAML by name: a `.txt`, a runbook, saved kubectl output.
_API_VERSION_LINE = re.compile(r"(?m)^[ \t]{0,64}[\"']?apiVersion[\"']?[ \t]{0,8}:")
_SECRET_KIND_LINE = re.compile(
    r"(?m)^[ \t]{0,64}[\"']?kind[\"']?[ \t]{0,8}:[ \t]{0,8}[\"']?Secret[\"']?[ \t]{0,64}(?:#|\r?$)"
)


def may_embed_secrets(text: str) -> bool:
    """Whether `text` holds both an `apiVersion:` line and a `kind: Secret` line, the two a Kubernetes
    Secret written in a text file needs (scan_embedded_secrets looks no further without them). The literal
    words first: each line pattern tries every line of the text, and most texts hold neither word."""
    return (
        "Secret" in text
        and "apiVersion" in text
        and _SECRET_KIND_LINE.search(text) is not None
        and _API_VERSION_LINE.search(text) is not None
    )


def scan_embedded_secrets(ev: Evidence) -> None:
    """Kubernetes Secrets in a file read as text (not YAML by its name): parsed as a YAML stream (one or many
    documents) when the text holds both an `apiVersion:` line and a `kind: Secret` line, and each Secret's
    entries scanned as in a manifest. When the whole text is not that stream (Markdown, a runbook), each
    fenced code block holding a `kind: Secret` line is tried on its own, at its own lines. Text that does not
    parse as YAML is left to the line scan."""
    body = ev.text
    if not may_embed_secrets(body):
        return
    docs, _error = load_yaml(body)
    secrets = [doc for doc in docs if doc.data is not None and is_secret(doc)]
    if not secrets:
        for first_line, block in _fenced_blocks(body):
            if _SECRET_KIND_LINE.search(block) is not None:
                block_docs, _error = load_yaml(block)
                secrets += [
                    _shifted(doc, first_line) for doc in block_docs if doc.data is not None and is_secret(doc)
                ]
    for doc in secrets:
        scan_secret_data(doc, ev)


def _shifted(doc: Doc, lines: int) -> Doc:
    """The same document with its line numbers moved down by `lines` (a code block's place in its file)."""
    return Doc(doc.data, {path: line + lines for path, line in doc.lines.items()}, doc.line + lines)


def _fenced_blocks(text: str) -> list[tuple[int, str]]:
    """Markdown fenced code blocks: (0-based line of the block's first content line, the block's text)."""
    blocks: list[tuple[int, str]] = []
    start: int | None = None
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.lstrip(" ").startswith(("```", "~~~")) and len(line) - len(line.lstrip(" ")) <= 3:
            if start is None:
                start = number + 1
            else:
                blocks.append((start, "\n".join(lines[start:number])))
                start = None
    return blocks


_STORE_KINDS = (
    ("secrets-manager", ReferenceKind.AWS_SECRETS_MANAGER),
    ("secretsmanager", ReferenceKind.AWS_SECRETS_MANAGER),
    ("parameter-store", ReferenceKind.AWS_SSM),
    ("ssm", ReferenceKind.AWS_SSM),
    ("vault", ReferenceKind.VAULT_PATH),
    ("key-vault", ReferenceKind.AZURE_KEY_VAULT),
    ("keyvault", ReferenceKind.AZURE_KEY_VAULT),
    ("azure", ReferenceKind.AZURE_KEY_VAULT),
    ("gcp", ReferenceKind.GCP_SECRET_MANAGER),
    ("google", ReferenceKind.GCP_SECRET_MANAGER),
)


def external_secret_references(doc: Doc, ev: Evidence) -> None:
    """External Secrets Operator: each `remoteRef` names a secret in the store the `secretStoreRef` points to
    (the store's kind is read from its name; an unknown store stays a Kubernetes secret reference)."""
    data = doc.data
    if not isinstance(data, dict) or data.get("kind") not in ("ExternalSecret", "ClusterExternalSecret"):
        return
    spec: dict[str, Any] = data["spec"] if isinstance(data.get("spec"), dict) else {}
    store: dict[str, Any] = spec["secretStoreRef"] if isinstance(spec.get("secretStoreRef"), dict) else {}
    store_name = str(store.get("name") or "").lower()
    kind = next((k for word, k in _STORE_KINDS if word in store_name), ReferenceKind.K8S_SECRET_REF)
    for path, mapping in iter_mappings(data):
        remote = mapping.get("remoteRef")
        if isinstance(remote, dict) and remote.get("key"):
            target = str(remote["key"]) + (f"#{remote['property']}" if remote.get("property") else "")
            where = path + ("remoteRef",)
            ev.reference(kind, target, doc.line_of(where), key_path(where))


def scan_references(doc: Doc, ev: Evidence) -> None:
    """`valueFrom.secretKeyRef`, `envFrom[].secretRef` and secret volumes: pointers, not values."""
    external_secret_references(doc, ev)
    for path, mapping in iter_mappings(doc.data):
        ref = mapping.get("secretKeyRef")
        if isinstance(ref, dict) and ref.get("name"):
            target = f"{ref.get('name')}/{ref.get('key')}" if ref.get("key") else str(ref.get("name"))
            where = path + ("secretKeyRef",)
            ev.reference(ReferenceKind.K8S_SECRET_REF, target, doc.line_of(where), key_path(where))
        secret_ref = mapping.get("secretRef")
        if isinstance(secret_ref, dict) and secret_ref.get("name"):
            where = path + ("secretRef",)
            ev.reference(
                ReferenceKind.K8S_SECRET_REF, str(secret_ref["name"]), doc.line_of(where), key_path(where)
            )
        volume = mapping.get("secret")
        if isinstance(volume, dict) and volume.get("secretName"):
            where = path + ("secret", "secretName")
            ev.reference(
                ReferenceKind.K8S_SECRET_REF, str(volume["secretName"]), doc.line_of(where), key_path(where)
            )


def _pod_spec(data: dict[str, Any]) -> tuple[KeyPath, dict[str, Any]]:
    kind = data.get("kind")
    if kind == "Pod":
        path: KeyPath = ("spec",)
    elif kind == "CronJob":
        path = ("spec", "jobTemplate", "spec", "template", "spec")
    else:
        path = ("spec", "template", "spec")
    node: Any = data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    return path, node if isinstance(node, dict) else {}


def _identity_annotations(*sources: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for source in sources:
        if isinstance(source, dict):
            for name in IDENTITY_ANNOTATIONS:
                if isinstance(source.get(name), str):
                    found[name] = source[name]
    return found


# Images of self-hosted agent platforms: a web app many people use, holding its users' model credentials.
_AGENT_PLATFORM_IMAGES = (
    "flowiseai/flowise",
    "langgenius/dify-api",
    "langgenius/dify-web",
    "ghcr.io/danny-avila/librechat",
    "librechat/librechat",
    "n8nio/n8n",
    "docker.n8n.io/n8nio/n8n",
    "ghcr.io/open-webui/open-webui",
    "langfuse/langfuse",
    "botpress/server",
)


def platform_image(image: str) -> bool:
    """Whether a container image (`ghcr.io/open-webui/open-webui:main`) runs a self-hosted agent platform."""
    image = image.lower()
    return any(image.startswith(known) for known in _AGENT_PLATFORM_IMAGES)


def hints(doc: Doc, ev: Evidence) -> None:
    """ManifestHints for workloads (k8s_workload), bindings (k8s_rbac) and service accounts."""
    data = doc.data
    kind = data.get("kind")
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    name = str(metadata.get("name") or kind)
    line = doc.line_of(("kind",))
    if kind in WORKLOAD_KINDS:
        spec_path, spec = _pod_spec(data)
        template_meta: dict[str, Any] = {}
        if kind != "Pod":
            template = doc.get(*spec_path[:-1])
            template_meta = template.get("metadata", {}) if isinstance(template, dict) else {}
        containers = [
            c
            for c in (spec.get("containers") or []) + (spec.get("initContainers") or [])
            if isinstance(c, dict)
        ]
        env_names = sorted(
            {
                str(e.get("name"))
                for c in containers
                for e in (c.get("env") or [])
                if isinstance(e, dict) and e.get("name")
            }
        )
        env_from = sorted(
            {
                str((f.get("secretRef") or f.get("configMapRef") or {}).get("name"))
                for c in containers
                for f in (c.get("envFrom") or [])
                if isinstance(f, dict) and isinstance(f.get("secretRef") or f.get("configMapRef"), dict)
            }
        )
        details: dict[str, Any] = {
            "kind": kind,
            "namespace": metadata.get("namespace"),
            "serviceAccountName": spec.get("serviceAccountName") or spec.get("serviceAccount"),
            "automountServiceAccountToken": spec.get("automountServiceAccountToken"),
            "annotations": _identity_annotations(
                metadata.get("annotations"),
                template_meta.get("annotations") if isinstance(template_meta, dict) else None,
            ),
            "labels": dict(metadata.get("labels") or {}) if isinstance(metadata.get("labels"), dict) else {},
            "images": sorted({str(c.get("image")) for c in containers if c.get("image")}),
            "env": env_names,
            "env_from": env_from,
        }
        ev.manifest("k8s_workload", name, line, "metadata.name", details)
        platform = next((image for image in details["images"] if platform_image(image)), None)
        if platform is not None:
            # A self-hosted agent platform (Open WebUI, Flowise, LibreChat...): a web app many people use.
            ev.manifest("agent_platform", name, line, "metadata.name", {"image": platform.lower()})
    elif kind in RBAC_KINDS:
        role_ref = data.get("roleRef") if isinstance(data.get("roleRef"), dict) else {}
        subjects = [
            {k: s.get(k) for k in ("kind", "name", "namespace") if s.get(k) is not None}
            for s in (data.get("subjects") or [])
            if isinstance(s, dict)
        ]
        ev.manifest(
            "k8s_rbac",
            name,
            line,
            "roleRef",
            {
                "kind": kind,
                "roleRef": role_ref.get("name"),
                "roleKind": role_ref.get("kind"),
                "subjects": subjects,
            },
        )
    elif kind == "ServiceAccount":
        ev.manifest(
            "k8s_service_account",
            name,
            line,
            "metadata.name",
            {
                "namespace": metadata.get("namespace"),
                "annotations": _identity_annotations(metadata.get("annotations")),
            },
        )
