# Break-glass policy: attached to the ops bot "temporarily" in 2024.
path "*" {
  capabilities = ["create", "read", "update", "delete", "list", "sudo"]
}
