# AppRole for the nightly sync: short-lived tokens, single-use secret IDs bound to the cluster's egress range.
resource "vault_approle_auth_backend_role" "nightly_sync" {
  backend            = "approle"
  role_name          = "nightly-sync"
  token_policies     = ["nightly-sync-db"]
  token_ttl          = 600
  token_max_ttl      = 900
  secret_id_ttl      = 3600
  secret_id_num_uses = 1
  token_bound_cidrs  = ["10.40.0.0/16"]
}
