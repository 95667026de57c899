# Read the agent's own KV secrets and request short-lived database credentials.
path "secret/data/agents/sales/*"
{
  capabilities = ["read"]
}

path "database/creds/sales-readonly"
{
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
