"""The Vault collector: token, ACL policies, AppRole roles, audit devices, mounts, KV v2 ages -> Snapshot.

Read-only: every request is GET or LIST, except POST auth/token/lookup-accessor (a lookup; Vault offers no
GET form), made only for accessors that configs reference. Reach is evaluated from the parsed ACL policies
over the real paths listed from the mounts plus a fixed set of sensitive sys/ and auth/ paths.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.clock import Clock, parse_time
from auditor.collectors.interface import CollectRequest
from auditor.collectors.retry import (
    RequestCounter,
    RetryableError,
    parse_retry_after,
    transient_errors,
    with_retries,
)
from auditor.collectors.transport import Budget
from auditor.collectors.vault_facts import DYNAMIC_ENGINES, control_paths
from auditor.collectors.vault_policy import (
    Acl,
    PathRule,
    VaultPolicyError,
    broad_paths,
    evaluate,
    parse_policy,
)
from auditor.errors import CollectorError
from auditor.model import Capability, Identity, Platform, PlatformCredential, Skipped, Snapshot, Unread
from auditor.progress import ProgressSink
from auditor.redact import DEFAULT_FINGERPRINT_KEY, fingerprint

MAX_WORKERS = 8
# Token accessors: 24 base62 characters, with a namespace id suffix in Vault Enterprise namespaces.
ACCESSOR = re.compile(r"^[A-Za-z0-9]{20,40}(\.[A-Za-z0-9]+)?$")
DEFAULT_KV_LIMIT = 5000


class _Failed(Exception):
    """A call that failed for good; carries a coverage reason and category."""

    def __init__(self, reason: str, category: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.category = category


@dataclass
class _Http:
    """hvac behind retries, counting and coverage; one per collect."""

    client: Any
    counter: RequestCounter
    attempts: int
    coverage: list[Skipped] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    local: threading.local = field(default_factory=threading.local)
    local_lock: threading.Lock = field(default_factory=threading.Lock)

    def call(self, method: str, path: str, **kwargs: Any) -> Mapping[str, Any]:
        """One API call with retries; raises _Failed with a clear reason."""
        import hvac.exceptions as hx

        local = getattr(self.client, "_botaudit_local", self.local)

        def attempt() -> Mapping[str, Any]:
            local.retry_after = None
            try:
                with transient_errors(path):
                    result = self.client.adapter.request(method, f"/v1/{path}", **kwargs)
            except (hx.RateLimitExceeded, hx.InternalServerError, hx.VaultDown, hx.BadGateway) as exc:
                raise RetryableError(type(exc).__name__, parse_retry_after(local.retry_after)) from exc
            if hasattr(result, "json"):
                return result.json() if result.content else {}
            return result or {}

        import hvac.exceptions as hx2
        import requests as rq

        from auditor.collectors.transport import DeadlineExceeded

        try:
            return with_retries(attempt, attempts=self.attempts, counter=self.counter)
        except DeadlineExceeded as exc:
            raise _Failed(str(exc), "budget" if exc.budget else "timeout") from exc
        except RetryableError as exc:
            category = (
                "throttled" if "RateLimit" in str(exc) else "timeout" if "Timeout" in str(exc) else "error"
            )
            raise _Failed(f"{exc} after {self.attempts} attempts", category) from exc
        except hx2.Forbidden as exc:
            raise _Failed("permission denied (403)", "access_denied") from exc
        except hx2.InvalidPath as exc:
            raise _Failed("not found (404)", "not_found") from exc
        except hx2.InvalidRequest as exc:
            raise _Failed("invalid request (400)", "error") from exc
        except (hx2.VaultError, rq.RequestException) as exc:
            raise _Failed(type(exc).__name__, "error") from exc

    def try_call(
        self,
        source: str,
        method: str,
        path: str,
        *,
        part: str | None = None,
        affects_reach: bool = False,
        **kwargs: Any,
    ) -> Mapping[str, Any] | None:
        """A call whose failure becomes a coverage entry (404 on LIST means empty and is not recorded) and,
        with `part`, an unread part of the snapshot: what it would have told is unknown, not empty."""
        try:
            return self.call(method, path, **kwargs)
        except _Failed as exc:
            if exc.category == "not_found" and method == "LIST":
                return {"data": {"keys": []}}
            self.coverage.append(Skipped(f"vault:{source}", exc.reason, exc.category))
            if part is not None:
                self.lost(part, f"{source}: {exc.reason}", exc.category, affects_reach=affects_reach)
            return None

    def lost(
        self,
        part: str,
        reason: str,
        category: str = "error",
        *,
        subject: str | None = None,
        affects_reach: bool = False,
    ) -> None:
        with self.local_lock:
            self.unread.append(Unread(part, reason, category, subject=subject, affects_reach=affects_reach))


def _data(resp: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not resp:
        return {}
    data = resp.get("data")
    return data if isinstance(data, Mapping) else {}


class VaultCollector:
    """Reads Vault (or OpenBao) with hvac. Never writes.

    `extra_tokens` are agent token values to look up with their own lookup-self (a GET); they stay in memory,
    and only their accessor and keyed fingerprint reach the snapshot.
    """

    platform = Platform.VAULT

    def __init__(self, extra_tokens: Sequence[str] = ()) -> None:
        self._extra_tokens = tuple(extra_tokens)

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot:
        settings = request.settings
        addr = str(settings.get("addr") or os.environ.get("VAULT_ADDR") or "")
        if not addr:
            raise CollectorError("vault: no address (set VAULT_ADDR or collectors.vault.addr)")
        token = _find_token(settings)
        if not token:
            raise CollectorError("vault: no token (set VAULT_TOKEN or write ~/.vault-token)")
        fp_key = str(getattr(request, "fingerprint_key", None) or DEFAULT_FINGERPRINT_KEY)
        counter = RequestCounter()
        budget = request.budget()
        http = _Http(
            _make_client(addr, token, settings, request, counter, budget),
            counter,
            max(1, request.max_retries),
        )
        progress.start("vault", total=None)
        try:
            try:
                self_info = _data(http.call("GET", "auth/token/lookup-self"))
            except _Failed as exc:
                raise CollectorError(f"vault: cannot authenticate at {addr} ({exc.reason})") from exc
            progress.advance("vault")
            tokens = [(self_info, [f"fp:{fingerprint('vault_token', token, fp_key)}"])]
            for extra in self._extra_tokens:
                other = _Http(
                    _make_client(addr, extra, settings, request, counter, budget), counter, http.attempts
                )
                info = _data(
                    other.try_call(
                        "token lookup-self (agent token)", "GET", "auth/token/lookup-self", part="tokens"
                    )
                )
                http.coverage.extend(other.coverage)
                http.unread.extend(other.unread)
                if info:
                    tokens.append((info, [f"fp:{fingerprint('vault_token', extra, fp_key)}"]))

            policies, policy_errors = _policies(http)
            progress.advance("vault")
            auth_mounts = _data(
                http.try_call("sys/auth", "GET", "sys/auth", part="auth_mounts", affects_reach=True)
            )
            approles = _approles(http, auth_mounts)
            progress.advance("vault")
            audit_resp = http.try_call("sys/audit", "GET", "sys/audit", part="audit_devices")
            mounts = _data(
                http.try_call("sys/mounts", "GET", "sys/mounts", part="mounts", affects_reach=True)
            )
            kv_limit = int(settings.get("kv_max_secrets") or DEFAULT_KV_LIMIT)
            secrets, dynamic = _secret_paths(http, mounts, kv_limit)
            progress.advance("vault")

            names = (
                set(policies) | {r["name"] for r in approles} | {f"{r['mount']}{r['name']}" for r in approles}
            )
            for identifier in request.identifiers:
                if identifier in names or identifier in {t[0].get("accessor") for t in tokens}:
                    continue
                if not ACCESSOR.match(identifier):
                    http.coverage.append(
                        Skipped(
                            "vault:resolve",
                            f"{identifier!r} is no policy, AppRole role or token accessor",
                            "not_found",
                        )
                    )
                    continue
                try:
                    info = _data(
                        http.call("POST", "auth/token/lookup-accessor", json={"accessor": identifier})
                    )
                except _Failed as exc:
                    category = "not_found" if exc.category in {"error", "not_found"} else exc.category
                    http.coverage.append(
                        Skipped(
                            "vault:token lookup-accessor", f"accessor {identifier}: {exc.reason}", category
                        )
                    )
                    if category != "not_found":
                        # Denied or timed out: whether the accessor exists, and what it holds, is unknown.
                        http.lost("tokens", f"lookup-accessor {identifier}: {exc.reason}", category)
                    continue
                if info:
                    tokens.append((info, []))

            universe = _universe(policies, auth_mounts, mounts, secrets, dynamic)
            evaluator = _Evaluator(policies, policy_errors, universe)
            identities: list[Identity] = []
            credentials: list[PlatformCredential] = []
            reach: dict[str, frozenset[Capability]] = {}
            for info, extra_aliases in tokens:
                ident, cred = _token_identity(info, extra_aliases, evaluator)
                if ident.id in reach:
                    continue
                identities.append(ident)
                credentials.append(cred)
                reach[ident.id] = evaluator.reach(ident.attributes["policies"])
            for role in approles:
                ident = _approle_identity(role, evaluator)
                identities.append(ident)
                reach[ident.id] = evaluator.reach(role["token_policies"])
            for name in sorted(policies):
                ident = Identity(
                    Platform.VAULT,
                    id=f"policy:{name}",
                    name=name,
                    kind="vault_policy",
                    attributes={"policies": [name], **evaluator.judge([name])},
                    aliases=(name,),
                )
                identities.append(ident)
                reach[ident.id] = evaluator.reach([name])
            baseline_id = None
            if request.baseline:
                names_b = [request.baseline] if isinstance(request.baseline, str) else list(request.baseline)
                names_b = sorted(str(n) for n in names_b)
                missing = [n for n in names_b if n not in policies]
                if missing:
                    http.coverage.append(
                        Skipped(
                            "vault:baseline",
                            f"baseline policies not found: {', '.join(missing)}",
                            "not_found",
                        )
                    )
                baseline_id = "baseline:policies:" + ",".join(names_b)
                identities.append(
                    Identity(
                        Platform.VAULT,
                        id=baseline_id,
                        name="baseline policies: " + ", ".join(names_b),
                        kind="vault_baseline",
                        attributes={"policies": names_b, **evaluator.judge(names_b)},
                        aliases=(),
                    )
                )
                reach[baseline_id] = evaluator.reach(names_b)
            for ident in identities:
                # A listed policy that could not be read or parsed hides part of this identity's reach.
                hidden = sorted(set(ident.attributes.get("policies") or ()) & policy_errors)
                if hidden:
                    http.lost(
                        "policies",
                        f"policies {', '.join(hidden)} could not be read or parsed",
                        subject=ident.id,
                        affects_reach=True,
                    )
            audit_devices = _audit_devices(audit_resp)
            facts: dict[str, Any] = {
                "addr": addr,
                "namespace": settings.get("namespace") or os.environ.get("VAULT_NAMESPACE"),
                "policies": {
                    n: [{"path": r.pattern, "capabilities": sorted(r.capabilities)} for r in rules]
                    for n, rules in sorted(policies.items())
                },
                "policy_errors": sorted(policy_errors),
                "auth_mounts": {
                    k: {"type": v.get("type")}
                    for k, v in sorted(auth_mounts.items())
                    if isinstance(v, Mapping)
                },
                "audit_devices": audit_devices,
                "audit_readable": audit_resp is not None,
                "mounts": {
                    k: {"type": v.get("type"), "version": (v.get("options") or {}).get("version")}
                    for k, v in sorted(mounts.items())
                    if isinstance(v, Mapping)
                },
                "mounts_readable": bool(mounts),
                "dynamic_engines": dynamic,
                "kv_secrets": secrets,
            }
        finally:
            progress.finish("vault")
        return Snapshot(
            platform=Platform.VAULT,
            collected_at=clock.now(),
            source=f"vault:{addr}",
            identities=tuple(identities),
            credentials=tuple(credentials),
            reach=reach,
            baseline=baseline_id,
            coverage=tuple(http.coverage),
            facts=facts,
            requests=counter.count,
            unread=tuple(http.unread),
        )


def _find_token(settings: Mapping[str, Any]) -> str | None:
    token = os.environ.get("VAULT_TOKEN")
    if token:
        return token.strip()
    path = Path(str(settings.get("token_file") or Path.home() / ".vault-token")).expanduser()
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def _make_client(
    addr: str,
    token: str,
    settings: Mapping[str, Any],
    request: CollectRequest,
    counter: RequestCounter,
    budget: Budget,
) -> Any:
    import hvac
    import requests

    from auditor.collectors.transport import mount_deadlines

    session = requests.Session()
    # A total deadline per request and the platform budget: hvac's timeout bounds only one socket read.
    mount_deadlines(session, budget)
    # REQUESTS_CA_BUNDLE would override session.verify; the CA bundle is passed explicitly instead.
    session.trust_env = False
    ca = settings.get("ca_bundle") or os.environ.get("VAULT_CACERT")
    verify: Any = str(ca) if ca else True
    local = threading.local()

    def hook(response: Any, *args: Any, **kwargs: Any) -> None:
        counter.hit()
        local.retry_after = response.headers.get("Retry-After")

    session.hooks["response"].append(hook)
    client = hvac.Client(
        url=addr,
        token=token,
        namespace=settings.get("namespace") or os.environ.get("VAULT_NAMESPACE"),
        verify=verify,
        timeout=request.timeout,
        session=session,
    )
    client._botaudit_local = local  # noqa: SLF001 - read by _Http for Retry-After
    return client


def _policies(http: _Http) -> tuple[dict[str, tuple[PathRule, ...]], set[str]]:
    names = (
        _data(
            http.try_call("sys/policies/acl", "LIST", "sys/policies/acl", part="policies", affects_reach=True)
        ).get("keys", [])
        or []
    )
    result: dict[str, tuple[PathRule, ...]] = {}
    errors: set[str] = set()

    def read(name: str) -> tuple[str, Mapping[str, Any] | None]:
        return name, http.try_call(f"sys/policies/acl/{name}", "GET", f"sys/policies/acl/{name}")

    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        for name, resp in pool.map(read, [n for n in names if n != "root"]):
            text = _data(resp).get("policy")
            if text is None:
                errors.add(name)
                continue
            try:
                result[name] = parse_policy(name, str(text))
            except VaultPolicyError as exc:
                errors.add(name)
                http.coverage.append(Skipped(f"vault:policy {name}", str(exc), "parse_error"))
    return result, errors


def _approles(http: _Http, auth_mounts: Mapping[str, Any]) -> list[dict[str, Any]]:
    roles: list[dict[str, Any]] = []
    for mount, info in sorted(auth_mounts.items()):
        if not isinstance(info, Mapping) or info.get("type") != "approle":
            continue
        names = (
            _data(http.try_call(f"auth/{mount}role", "LIST", f"auth/{mount}role", part="approle_roles")).get(
                "keys", []
            )
            or []
        )

        def read(name: str, mount: str = mount) -> tuple[str, Mapping[str, Any] | None]:
            return name, http.try_call(
                f"auth/{mount}role/{name}", "GET", f"auth/{mount}role/{name}", part="approle_roles"
            )

        with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
            for name, resp in pool.map(read, names):
                data = _data(resp)
                if resp is None:
                    continue
                roles.append(
                    {
                        "name": name,
                        "mount": mount,
                        "token_policies": list(data.get("token_policies") or data.get("policies") or []),
                        **{
                            k: data.get(k)
                            for k in (
                                "token_ttl",
                                "token_max_ttl",
                                "token_explicit_max_ttl",
                                "token_period",
                                "token_num_uses",
                                "token_type",
                                "secret_id_ttl",
                                "secret_id_num_uses",
                                "bind_secret_id",
                            )
                        },
                        "secret_id_bound_cidrs": list(data.get("secret_id_bound_cidrs") or []),
                        "token_bound_cidrs": list(data.get("token_bound_cidrs") or []),
                    }
                )
    return roles


def _audit_devices(resp: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if resp is None:
        return []
    data = _data(resp) or resp
    return [
        {"path": k, "type": v.get("type")}
        for k, v in sorted(data.items())
        if isinstance(v, Mapping) and "type" in v
    ]


def _secret_paths(
    http: _Http, mounts: Mapping[str, Any], limit: int
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """KV secrets (path, mount, version, age) listed recursively with a bound; dynamic engines and roles."""
    secrets: list[dict[str, Any]] = []
    dynamic: dict[str, dict[str, Any]] = {}
    for mount, info in sorted(mounts.items()):
        if not isinstance(info, Mapping):
            continue
        kind = str(info.get("type", ""))
        if kind == "kv":
            version = str((info.get("options") or {}).get("version") or "1")
            paths = _list_recursive(http, mount, version, limit - len(secrets))
            found: list[dict[str, Any]]
            if version == "2":
                found = _kv2_metadata(http, mount, paths)
            else:
                found = [{"mount": mount, "path": p, "version": 1} for p in paths]
            secrets.extend(found)
        elif kind in DYNAMIC_ENGINES:
            roles = (
                _data(
                    http.try_call(f"{mount}roles", "LIST", f"{mount}roles", part="mounts", affects_reach=True)
                ).get("keys", [])
                or []
            )
            entry: dict[str, Any] = {"type": kind, "roles": list(roles), "systems": []}
            if kind == "database":
                conns = (
                    _data(http.try_call(f"{mount}config", "LIST", f"{mount}config", part="mounts")).get(
                        "keys", []
                    )
                    or []
                )
                for conn in conns:
                    plugin = _data(
                        http.try_call(f"{mount}config/{conn}", "GET", f"{mount}config/{conn}", part="mounts")
                    ).get("plugin_name")
                    entry["systems"].append({"connection": conn, "plugin": plugin})
            dynamic[mount] = entry
    return secrets, dynamic


def _list_recursive(http: _Http, mount: str, version: str, limit: int) -> list[str]:
    base = f"{mount}metadata/" if version == "2" else mount
    found: list[str] = []
    queue = [""]
    while queue and len(found) < limit:
        prefix = queue.pop(0)
        keys = (
            _data(
                http.try_call(
                    f"{base}{prefix}", "LIST", f"{base}{prefix}", part="kv_secrets", affects_reach=True
                )
            ).get("keys", [])
            or []
        )
        for key in keys:
            if key.endswith("/"):
                queue.append(prefix + key)
            elif len(found) < limit:
                found.append(prefix + key)
    if queue or len(found) >= limit:
        http.coverage.append(
            Skipped(f"vault:{mount}", f"KV listing stopped at the bound of {limit} secrets", "limit")
        )
        # Secrets past the bound are unknown: their ages and the paths reach is evaluated over.
        http.lost(
            "kv_secrets",
            f"{mount}: listing stopped at kv_max_secrets={limit}",
            "limit",
            affects_reach=True,
        )
    return found


def _kv2_metadata(http: _Http, mount: str, paths: list[str]) -> list[dict[str, Any]]:
    """Metadata per secret (Vault has no batch read): bounded concurrency, ages of the current version."""

    def read(path: str) -> dict[str, Any]:
        resp = http.try_call(f"{mount}metadata/{path}", "GET", f"{mount}metadata/{path}", part="kv_secrets")
        data = _data(resp)
        current = str(data.get("current_version", ""))
        version = (data.get("versions") or {}).get(current) or {}
        updated = version.get("created_time") or data.get("updated_time")
        return {
            "mount": mount,
            "path": path,
            "version": 2,
            "current_version": data.get("current_version"),
            "created": data.get("created_time"),
            "updated": updated,
            "metadata_readable": resp is not None,
            "custom_metadata": dict(data.get("custom_metadata") or {}),
        }

    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        return list(pool.map(read, paths))


def _universe(
    policies: Mapping[str, Any],
    auth_mounts: Mapping[str, Any],
    mounts: Mapping[str, Any],
    secrets: list[dict[str, Any]],
    dynamic: Mapping[str, Mapping[str, Any]],
) -> tuple[str, ...]:
    """The concrete paths reach is evaluated over."""
    paths: list[str] = []
    for sec in secrets:
        if sec["version"] == 2:
            paths.append(f"{sec['mount']}data/{sec['path']}")
            paths.append(f"{sec['mount']}metadata/{sec['path']}")
        else:
            paths.append(f"{sec['mount']}{sec['path']}")
    for mount, entry in dynamic.items():
        paths.extend(f"{mount}creds/{role}" for role in entry.get("roles", []))
        paths.append(f"{mount}config/connection")
    paths.extend(
        control_paths(
            policies,
            (a for a in auth_mounts if isinstance(auth_mounts[a], Mapping)),
            (m for m in mounts if isinstance(mounts[m], Mapping)),
        )
    )
    for mount, info in sorted(auth_mounts.items()):
        if isinstance(info, Mapping) and info.get("type") == "approle":
            paths.append(f"auth/{mount}role/example")
            paths.append(f"auth/{mount}role/example/secret-id")
    return tuple(dict.fromkeys(paths))


class _Evaluator:
    """Reach and judgements per policy set, cached (AppRole roles usually share a few policy sets)."""

    def __init__(
        self, policies: Mapping[str, tuple[PathRule, ...]], errors: set[str], universe: tuple[str, ...]
    ):
        self.policies = policies
        self.errors = errors
        self.universe = universe
        self._cache: dict[frozenset[str], frozenset[Capability]] = {}

    def acl(self, names: Iterable[str]) -> Acl:
        names = set(names)
        rules = [r for n in names for r in self.policies.get(n, ())]
        return Acl(rules, root="root" in names)

    def reach(self, names: Iterable[str]) -> frozenset[Capability]:
        key = frozenset(names)
        if key not in self._cache:
            self._cache[key] = evaluate(self.acl(key), self.universe)
        return self._cache[key]

    def judge(self, names: Iterable[str]) -> dict[str, Any]:
        names = sorted(set(names))
        rules = [r for n in names for r in self.policies.get(n, ())]
        return {
            "root": "root" in names,
            "sudo_paths": sorted({r.pattern for r in rules if "sudo" in r.capabilities}),
            "broad_paths": sorted(set(broad_paths(rules))),
            "unknown_policies": sorted(n for n in names if n not in self.policies and n != "root"),
        }


def _token_identity(
    info: Mapping[str, Any], extra_aliases: list[str], evaluator: _Evaluator
) -> tuple[Identity, PlatformCredential]:
    accessor = str(info.get("accessor") or "")
    policies = sorted(set(info.get("policies") or []))
    created = parse_time(info.get("creation_time"))
    expires = parse_time(info.get("expire_time"))
    attributes: dict[str, Any] = {
        "accessor": accessor,
        "display_name": info.get("display_name"),
        "policies": policies,
        "ttl": info.get("ttl"),
        "creation_ttl": info.get("creation_ttl"),
        "explicit_max_ttl": info.get("explicit_max_ttl"),
        "period": info.get("period"),
        "renewable": info.get("renewable"),
        "orphan": info.get("orphan"),
        "type": info.get("type"),
        "num_uses": info.get("num_uses"),
        "path": info.get("path"),
        "role_name": (info.get("meta") or {}).get("role_name")
        if isinstance(info.get("meta"), Mapping)
        else None,
        "created": created.isoformat() if created else None,
        "expire_time": expires.isoformat() if expires else None,
        **evaluator.judge(policies),
    }
    ident = Identity(
        Platform.VAULT,
        id=f"token:{accessor}",
        name=str(info.get("display_name") or accessor),
        kind="vault_token",
        attributes=attributes,
        aliases=tuple([accessor, *extra_aliases]),
    )
    cred = PlatformCredential(
        Platform.VAULT,
        id=accessor,
        identity_id=ident.id,
        kind="vault_token",
        created=created,
        expires=expires,
        attributes={"ttl": info.get("ttl"), "period": info.get("period"), "renewable": info.get("renewable")},
    )
    return ident, cred


def _approle_identity(role: Mapping[str, Any], evaluator: _Evaluator) -> Identity:
    attributes = {
        **role,
        "policies": sorted(role["token_policies"]),
        **evaluator.judge(role["token_policies"]),
    }
    return Identity(
        Platform.VAULT,
        id=f"approle:{role['mount']}{role['name']}",
        name=str(role["name"]),
        kind="vault_approle",
        attributes=attributes,
        aliases=(str(role["name"]), f"{role['mount']}{role['name']}"),
    )
