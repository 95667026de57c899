# Ops agent policy (written by hand in 2023, Allman braces and legacy syntax)
path "sys/*"
{
  capabilities = ["create", "read", "update", "delete", "list", "sudo"]
}

path "auth/token/create" { capabilities = ["create", "update"], }

path "secret/data/ops/*" {
  policy = "write"
}
