resource "vault_auth_backend" "approle" {
  type = "approle"
}

resource "vault_policy" "agent_ops" {
  name   = "agent-ops"
  policy = <<-EOT
    # the agent "needs to manage its own secrets"
    path "secret/*"
    {
      capabilities = ["create", "read", "update", "delete", "list"]
    }

    path "sys/leases/*" {
      capabilities = ["sudo", "update"]
    }
  EOT
}

resource "vault_policy" "support_read" {
  name   = "support-read"
  policy = <<EOT
path "secret/data/support/*" { capabilities = ["read"] }
EOT
}

resource "vault_approle_auth_backend_role" "ops_agent" {
  backend        = vault_auth_backend.approle.path
  role_name      = "ops-agent"
  token_policies = [vault_policy.agent_ops.name, "default"]
  token_period   = 86400
  secret_id_ttl  = 0
}

resource "vault_token" "ci_bootstrap" {
  display_name = "ci-bootstrap"
  policies     = ["agent-ops"]
  no_parent    = true
  renewable    = true
  period       = "768h"
}
