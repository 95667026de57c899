# Vault Agent sidecar: logs in with AppRole and renders short-lived database credentials.
auto_auth {
  method "approle" {
    config = {
      role_id_file_path   = "/vault/approle/role_id"
      secret_id_file_path = "/vault/approle/secret_id"
    }
  }
}

template {
  contents    = "{{ with secret \"database/creds/nightly-sync\" }}{{ .Data.username }}:{{ .Data.password }}{{ end }}"
  destination = "/run/db/credentials"
}
