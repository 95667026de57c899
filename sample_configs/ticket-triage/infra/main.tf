# Infrastructure of the ticket-triage agent. Applied by the platform team's pipeline; no one has run
# `botaudit collect aws` since, so the account snapshot in ../../snapshots does not know this user yet.
resource "aws_s3_bucket" "tickets" {
  bucket = "acme-demo-support-tickets"
}

resource "aws_sqs_queue" "followups" {
  name = "ticket-followups"
}

resource "aws_iam_user" "triage" {
  name = "ticket-triage-bot"
  path = "/agents/"
  tags = {
    owner = "support-platform"
  }
}

resource "aws_iam_access_key" "triage" {
  user = aws_iam_user.triage.name
}

data "aws_iam_policy_document" "triage" {
  statement {
    sid       = "ReadTickets"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["*"]
  }

  statement {
    sid       = "QueueEverything"
    actions   = ["sqs:*"]
    resources = ["*"]
  }

  statement {
    # "The agent spins up a summariser Lambda when the queue backs up."
    sid       = "ScaleOut"
    actions   = ["lambda:CreateFunction", "lambda:InvokeFunction", "iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "triage" {
  name   = "ticket-triage"
  user   = aws_iam_user.triage.name
  policy = data.aws_iam_policy_document.triage.json
}

resource "aws_security_group" "triage_webhook" {
  name = "ticket-triage-webhook"

  ingress {
    description = "helpdesk webhooks"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "ssh for debugging, remove after launch"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
