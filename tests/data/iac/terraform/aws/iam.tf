# IAM for the support-triage agent. NOT OK: a long-lived user key shared by the agent workers.
variable "env" {
  type    = string
  default = "prod"
}

locals {
  agent_name = "support-triage-agent-${var.env}"
}

resource "aws_s3_bucket" "tickets" {
  bucket = "acme-support-tickets-${var.env}"
}

resource "aws_iam_user" "triage_agent" {
  name = "support-triage-agent"
  path = "/agents/"
  tags = {
    team    = "support-eng"
    purpose = "ai-agent"
  }
}

resource "aws_iam_access_key" "triage_agent" {
  user = aws_iam_user.triage_agent.name
}

# A second key "for the rotation" that was never deactivated.
resource "aws_iam_access_key" "triage_agent_old" {
  user   = aws_iam_user.triage_agent.name
  status = "Active"
}

data "aws_iam_policy_document" "triage_agent" {
  statement {
    sid       = "ReadTickets"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.tickets.arn, "${aws_s3_bucket.tickets.arn}/*"]
  }

  statement {
    sid       = "PassAnyRole"
    actions   = ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "triage_agent" {
  name   = "support-triage-agent"
  user   = aws_iam_user.triage_agent.name
  policy = data.aws_iam_policy_document.triage_agent.json
}

resource "aws_iam_role" "triage_worker" {
  name = "support-triage-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
  max_session_duration = 43200
}

resource "aws_iam_role_policy_attachment" "triage_worker_admin" {
  role       = aws_iam_role.triage_worker.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy_document" "sso_assume" {
  statement {
    actions = ["sts:AssumeRoleWithSAML"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:saml-provider/AcmeSSO"]
    }
  }
}

resource "aws_iam_role" "support_junior" {
  name               = "support-junior"
  assume_role_policy = data.aws_iam_policy_document.sso_assume.json
}

resource "aws_iam_policy" "tickets_read" {
  name = "support-tickets-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [aws_s3_bucket.tickets.arn, "${aws_s3_bucket.tickets.arn}/*"]
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "support_junior" {
  role       = aws_iam_role.support_junior.name
  policy_arn = aws_iam_policy.tickets_read.arn
}

resource "aws_security_group" "triage_api" {
  name        = "support-triage-api"
  description = "Webhook endpoint of the triage agent"

  ingress {
    description = "webhooks"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "debug ssh, temporary"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
