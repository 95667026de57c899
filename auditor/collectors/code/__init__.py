"""Code collectors: identities, credentials and reach declared in the repository, as platform Snapshots.

`collect_code` reads only the files discovery marked as IaC or platform metadata (`FileScan.iac`), one module
per source (terraform / tf_aws / tf_azuread / tf_vault, cloudformation, entra_manifest, vault_files, sfdx,
k8s_rbac, slack_manifest, azure_iac for Bicep and ARM templates, github_app), and returns one Snapshot per
platform whose `source` is `code:<platform>`. Live snapshots and these are reconciled in one place,
`auditor.reconcile`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from auditor.clock import Clock
from auditor.collectors.code.interface import MAX_SOURCE_BYTES, CodeModel, CodeSource, Declarations, line_of
from auditor.model import Platform, Skipped, Snapshot

__all__ = ["CodeSource", "collect_code"]


def _read(source: CodeSource, skipped: list[Skipped]) -> str | None:
    try:
        size = source.path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            skipped.append(Skipped(source.rel, f"{size} bytes: too large for a code collector", "too_large"))
            return None
        data = source.path.read_bytes()
    except OSError as exc:
        skipped.append(
            Skipped(source.rel, f"code collector cannot read it ({exc.strerror or 'error'})", "unreadable")
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _k8s_docs(text: str) -> Iterable[tuple[Mapping[str, Any], int]]:
    """(document, line of its `kind:`) for every YAML document of a manifest stream."""
    import yaml  # here: a scan without Kubernetes manifests does not load PyYAML for this

    offsets = [0] + [i + 1 for i in range(len(text)) if text.startswith("\n---", i)]
    try:
        docs = list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        return
    for i, doc in enumerate(docs):
        if isinstance(doc, Mapping):
            start = offsets[i] if i < len(offsets) else 0
            at = text.find("kind:", start)
            yield doc, line_of(text, at if at >= 0 else start)


def _match_baseline(decl: Declarations, wanted: Any) -> None:
    """The configured baseline, when it names an identity the code declares (name, address or ARN)."""
    if decl.baseline is not None or not isinstance(wanted, str) or not wanted:
        return
    candidates = {wanted.lower()}
    if wanted.startswith("arn:aws:iam::"):
        resource = wanted.split(":", 5)[-1]
        candidates |= {resource.lower(), resource.rsplit("/", 1)[-1].lower()}
    for ident in decl.identities.values():
        if any(a.lower() in candidates for a in (ident.id, *ident.aliases)):
            decl.baseline = ident.id
            return


def collect_code(
    sources: Sequence[CodeSource], *, baselines: Mapping[str, Any], clock: Clock
) -> tuple[dict[Platform, Snapshot], list[Skipped]]:
    """Snapshots of what the code declares (only platforms with declarations), and what could not be read."""
    from auditor.collectors.code import cloudformation, entra_manifest, k8s_rbac, sfdx, terraform, vault_files
    from auditor.collectors.code.entra_model import EntraApp, add_apps
    from auditor.collectors.code.vault_model import VaultCode
    from auditor.extract.bicep import BicepError
    from auditor.extract.tree import DocumentError

    model = CodeModel()
    skipped: list[Skipped] = []
    module = terraform.Module()
    vault = VaultCode()
    rbac = k8s_rbac.RbacCode()
    salesforce = sfdx.SalesforceCode()
    manifests: list[EntraApp] = []
    azure: Any = None  # azure_iac.AzureIac, created (and imported) at the first Bicep or ARM template
    slack_apps: list[tuple[Mapping[str, Any], str, str]] = []
    github_apps: list[tuple[Mapping[str, Any], dict[str, str], str, str]] = []
    for source in sorted(sources, key=lambda s: s.rel):
        text = _read(source, skipped)
        if text is None:
            continue
        try:
            if source.kind == "terraform":
                module.add(*terraform.load_hcl_blocks(text, source.rel))
            elif source.kind == "terraform_json":
                module.add(*terraform.load_tf_json(text, source.rel))
            elif source.kind == "terraform_plan":
                module.add(terraform.load_plan(text, source.rel), {}, {})
            elif source.kind == "cloudformation":
                template = cloudformation.load_template(text, source.rel)
                if template is not None:
                    cloudformation.collect_template(template, text, source.rel, model[Platform.AWS])
            elif source.kind == "entra_manifest":
                data = json.loads(text)
                if entra_manifest.looks_like_app(data):
                    manifests.append(entra_manifest.app_from_manifest(data, text, source.rel))
            elif source.kind == "vault_policy":
                if vault_files.is_policy_text(text):
                    vault_files.add_policy_file(vault, text, source.rel)
            elif source.kind == "vault_agent":
                vault_files.add_agent_config(vault, text, source.rel)
            elif source.kind == "vault_json":
                vault_files.read_vault_json(vault, text, source.rel)
            elif source.kind == "k8s_rbac":
                for doc, line in _k8s_docs(text):
                    if doc.get("kind") in k8s_rbac.RBAC_KINDS:
                        rbac.add_doc(doc, source.rel, line)
            elif source.kind == "sfdx":
                kind = sfdx.metadata_kind(source.rel)
                if kind is not None:
                    salesforce.add_file(source.rel, text, kind)
            elif source.kind == "slack_manifest":
                from auditor.collectors.code import slack_manifest

                data = slack_manifest.read_manifest(text)
                if data is not None:
                    slack_apps.append((data, text, source.rel))
            elif source.kind in ("bicep", "arm_template"):
                from auditor.collectors.code import azure_iac
                from auditor.extract.azure_templates import load_template_text

                azure_template = load_template_text(text, source.rel, source.kind)
                if azure_template is not None:
                    azure = azure or azure_iac.AzureIac()
                    azure.add(azure_template)
            elif source.kind == "github_app":
                from auditor.collectors.code import github_app

                registration = github_app.read_registration(text, source.rel)
                if registration is not None:
                    github_apps.append((*registration, text, source.rel))
            elif source.kind == "sfdx_user":
                data = sfdx.read_user_definition(text)
                if data is not None:
                    salesforce.add_user_definition(data, text, source.rel)
        except terraform.TerraformError as exc:
            skipped.append(Skipped(source.rel, str(exc), "parse_error"))
        except BicepError as exc:
            reason = f"code collector could not parse it: Bicep {exc}"
            skipped.append(Skipped(source.rel, reason, "parse_error"))
        except DocumentError as exc:
            skipped.append(Skipped(source.rel, f"code collector could not parse it: {exc}", "parse_error"))
        except (ValueError, RecursionError) as exc:
            skipped.append(
                Skipped(
                    source.rel, f"code collector could not parse it ({type(exc).__name__})", "parse_error"
                )
            )
    now = clock.now()
    if module.blocks:
        from auditor.collectors.code import tf_aws, tf_azuread, tf_vault

        tf_aws.collect_aws(module, model[Platform.AWS])
        tf_azuread.collect_azuread(module, model[Platform.ENTRA], now)
        tf_vault.collect_vault(module, vault)
    if vault.policies or vault.roles or vault.policy_errors or vault.audit_devices:
        vault.build(model[Platform.VAULT], baselines.get("vault"))
    if manifests:
        add_apps(model[Platform.ENTRA], manifests, now)
    if azure is not None:
        azure.build(model[Platform.ENTRA], now)
    if salesforce.apps or salesforce.grants or salesforce.users or salesforce.errors:
        salesforce.build(model[Platform.SALESFORCE])
    if slack_apps:
        from auditor.collectors.code import slack_manifest

        for data, text, rel in slack_apps:
            slack_manifest.add_manifest(model[Platform.SLACK], data, text, rel)
        slack_manifest.add_baseline(model[Platform.SLACK], baselines.get(Platform.SLACK.value))
    if github_apps:
        from auditor.collectors.code import github_app

        for data, permissions, text, rel in github_apps:
            github_app.add_registration(model[Platform.GITHUB], data, permissions, text, rel)
    if rbac.bindings:
        rbac.build(model[Platform.KUBERNETES], baselines.get(Platform.KUBERNETES.value))
    snapshots: dict[Platform, Snapshot] = {}
    for platform, decl in sorted(model.platforms.items(), key=lambda kv: kv[0].value):
        if not decl.identities and not decl.facts.get("security_groups_declared"):
            skipped.extend(decl.coverage)
            continue
        _match_baseline(decl, baselines.get(platform.value))
        snapshots[platform] = decl.snapshot(now)
    return snapshots, skipped
