pid_file = "/tmp/vault-agent.pid"

vault {
  address = "https://vault.corp.northwind-traders.com:8200"
}

auto_auth {
  method "approle" {
    mount_path = "auth/approle"
    config = {
      role_id_file_path                   = "/etc/vault/role_id"
      secret_id_file_path                 = "/etc/vault/secret_id"
      remove_secret_id_file_after_reading = true
    }
  }

  sink "file" {
    config = {
      path = "/run/vault/token"
    }
  }
}

template {
  destination = "/run/agent/config.env"
  contents    = <<EOT
{{ with secret "secret/data/agents/reporting" }}
SLACK_BOT_TOKEN={{ .Data.data.slack_bot_token }}
{{ end }}
{{ with secret "database/creds/reporting-ro" }}
DB_USER={{ .Data.username }}
DB_PASSWORD={{ .Data.password }}
{{ end }}
EOT
}
