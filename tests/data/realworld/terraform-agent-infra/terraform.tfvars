region      = "eu-west-1"
environment = "prod"
# slack_bot_token is passed with TF_VAR_slack_bot_token in CI, never here
