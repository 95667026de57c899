"""An agent that leases another platform's credentials from Vault (the database or AWS secrets engine)
reaches that platform with short-lived credentials: its connection is a just-in-time one, not unknown.

Shapes from public Vault client examples (hvac, Spring Cloud Vault, C clients calling the HTTP API), written
here with made-up names."""

from __future__ import annotations

from pathlib import Path

from auditor.extract.references import from_key
from auditor.model import AuthModel, Platform, ReferenceKind
from auditor.scan import ScanOptions, run

_INI = """\
[vault]
auth_method = approle
url = https://vault.fjord-freight.com:8200
role_id = 5c1e9a04-7b2d-4f63-a8e0-19d4b6c2f7a3
secret_id_file = /run/secrets/manifest-sync-secret-id

[database]
host = manifests-db.fjord-freight.com
"""


def _connections(tmp_path: Path) -> dict[Platform, AuthModel]:
    agents = run(ScanOptions(paths=(tmp_path,))).agents
    assert len(agents) == 1, [a.name for a in agents]
    return {c.platform: c.auth_model for c in agents[0].connections}


def test_a_database_login_leased_through_hvac_is_short_lived(tmp_path: Path) -> None:
    (tmp_path / "agent.ini").write_text(_INI, encoding="utf-8")
    (tmp_path / "sync.py").write_text(
        "def login(client):\n"
        '    lease = client.secrets.database.generate_credentials(name="manifests-ro")\n'
        '    return lease["data"]["username"], lease["data"]["password"]\n',
        encoding="utf-8",
    )
    found = _connections(tmp_path)
    assert found[Platform.DATABASE] is AuthModel.JIT_TOKEN
    assert found[Platform.VAULT] is AuthModel.CLIENT_SECRET  # the AppRole login itself is unchanged


def test_a_leased_path_read_over_http_is_short_lived(tmp_path: Path) -> None:
    (tmp_path / "agent.ini").write_text(_INI, encoding="utf-8")
    (tmp_path / "client.c").write_text(
        'snprintf(url, sizeof url, "%s/v1/%s-database/creds/%s", addr, entity, role);\n', encoding="utf-8"
    )
    assert _connections(tmp_path)[Platform.DATABASE] is AuthModel.JIT_TOKEN


def test_spring_cloud_vaults_database_backend_is_short_lived(tmp_path: Path) -> None:
    (tmp_path / "bootstrap.yml").write_text(
        "spring:\n"
        "  application:\n"
        "    name: manifest-api\n"
        "  cloud:\n"
        "    vault:\n"
        "      authentication: APPROLE\n"
        "      app-role:\n"
        "        role-id: 5c1e9a04-7b2d-4f63-a8e0-19d4b6c2f7a3\n"
        "        secret-id: ${VAULT_SECRET_ID}\n"
        "      database:\n"
        "        enabled: true\n"
        "        role: manifests-ro\n",
        encoding="utf-8",
    )
    assert _connections(tmp_path)[Platform.DATABASE] is AuthModel.JIT_TOKEN


def test_a_database_named_beside_vault_without_a_lease_stays_unknown(tmp_path: Path) -> None:
    # Only a KV read: how the database is reached is not said, so nothing short-lived is claimed.
    (tmp_path / "agent.ini").write_text(_INI, encoding="utf-8")
    (tmp_path / "sync.py").write_text(
        'def login(client):\n    return client.secrets.kv.v2.read_secret_version(path="manifests/db")\n',
        encoding="utf-8",
    )
    assert _connections(tmp_path)[Platform.DATABASE] is AuthModel.UNKNOWN


def test_an_inline_database_password_outweighs_a_lease(tmp_path: Path) -> None:
    (tmp_path / "agent.ini").write_text(_INI + "password = Fjord-Tide-2291\n", encoding="utf-8")
    (tmp_path / "sync.py").write_text(
        'def login(client):\n    return client.secrets.database.generate_credentials(name="manifests-ro")\n',
        encoding="utf-8",
    )
    assert _connections(tmp_path)[Platform.DATABASE] is AuthModel.SHARED_PASSWORD


def test_a_file_named_by_a_vault_sections_key_is_a_file_not_a_vault_path() -> None:
    path = ("vault", "secret_id_file")
    assert from_key(path, "/run/secrets/manifest-sync-secret-id") == (
        ReferenceKind.FILE,
        "/run/secrets/manifest-sync-secret-id",
    )
    # A `_path` key in the same section still names a path inside Vault.
    assert from_key(("vault", "secret_path"), "secret/data/manifests/db") == (
        ReferenceKind.VAULT_PATH,
        "secret/data/manifests/db",
    )
