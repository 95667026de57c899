# OK: the agent runs as a role with the two actions it uses; secrets have a short life and are bound.
resource "aws_iam_role" "summarizer" {
  name = "ticket-summarizer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE" } }]
  })
  inline_policy {
    name = "read-tickets"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::acme-tickets/*" }]
    })
  }
}

resource "aws_security_group" "internal" {
  name = "summarizer-internal"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}

resource "vault_policy" "summarizer" {
  name   = "summarizer"
  policy = <<EOT
path "secret/data/summarizer/*" {
  capabilities = ["read"]
}
EOT
}

resource "vault_approle_auth_backend_role" "summarizer" {
  backend               = "approle"
  role_name             = "summarizer"
  token_policies        = ["summarizer"]
  token_ttl             = 600
  token_max_ttl         = 1800
  secret_id_ttl         = 600
  secret_id_num_uses    = 1
  secret_id_bound_cidrs = ["10.20.0.0/16"]
}

resource "azuread_application" "summarizer" {
  display_name = "ticket-summarizer"
  required_resource_access {
    resource_app_id = "00000003-0000-0000-c000-000000000000"
    resource_access {
      id   = "e1fe6dd8-ba31-4d61-89e7-88639da4683d"
      type = "Scope"
    }
  }
}

resource "azuread_application_certificate" "summarizer" {
  application_id    = azuread_application.summarizer.id
  type              = "AsymmetricX509Cert"
  value             = file("certs/summarizer.pem")
  end_date_relative = "2160h"
}
