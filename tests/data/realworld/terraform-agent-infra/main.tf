terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "slack_bot_token" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "sf_jwt" {
  secret_id = "arn:aws:secretsmanager:eu-west-1:418273645091:secret:agents/sales/sf-jwt-Ab12Cd"
}

resource "aws_iam_role" "agent" {
  name = "sales-agent-${var.environment}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "agent" {
  function_name = "sales-agent-${var.environment}"
  role          = aws_iam_role.agent.arn
  runtime       = "python3.12"
  handler       = "agent.handler"
  filename      = "build/agent.zip"

  environment {
    variables = {
      SLACK_BOT_TOKEN   = var.slack_bot_token
      SF_JWT_SECRET_ARN = data.aws_secretsmanager_secret_version.sf_jwt.arn
      SF_USERNAME       = "sales.agent@northwind-traders.com"
      SF_CLIENT_ID      = "3MVG9JkHNvoM4hZ2bIx0ctLME4FhfhQBTtdGGaflJXnQTNyIlfYo.n5GLa2hXhMbO7Q1a.HX0RssTFupW3XYw"
    }
  }
}
