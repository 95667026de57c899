# Ferry timetable agent: a Bedrock agent whose action group reads the sailings table through a Lambda.

data "aws_iam_policy_document" "agent_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "timetable_agent" {
  name               = "AmazonBedrockExecutionRoleForAgents_timetable"
  assume_role_policy = data.aws_iam_policy_document.agent_trust.json
}

resource "aws_iam_role_policy" "timetable_agent_model" {
  name = "invoke-model"
  role = aws_iam_role.timetable_agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel"]
      Resource = "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    }]
  })
}

resource "aws_iam_role" "sailings_lambda" {
  name = "ferry-sailings-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "sailings_lambda_tables" {
  name = "tables"
  role = aws_iam_role.sailings_lambda.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["dynamodb:*"]
      Resource = "*"
    }]
  })
}

resource "aws_lambda_function" "sailings" {
  function_name = "ferry-sailings"
  role          = aws_iam_role.sailings_lambda.arn
  handler       = "sailings.handler"
  runtime       = "python3.12"
  filename      = "build/sailings.zip"
}

resource "aws_bedrockagent_agent" "timetable" {
  agent_name              = "ferry-timetable"
  agent_resource_role_arn = aws_iam_role.timetable_agent.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Answer questions about ferry departures and delays using the sailings tool only."
  idle_session_ttl_in_seconds = 600
}

resource "aws_bedrockagent_agent_action_group" "sailings" {
  action_group_name          = "sailings"
  agent_id                   = aws_bedrockagent_agent.timetable.agent_id
  agent_version              = "DRAFT"
  skip_resource_in_use_check = true
  action_group_executor {
    lambda = aws_lambda_function.sailings.arn
  }
  function_schema {
    member_functions {
      functions {
        name = "next_departures"
        parameters {
          map_block_key = "port"
          type          = "string"
          required      = true
        }
      }
    }
  }
}
