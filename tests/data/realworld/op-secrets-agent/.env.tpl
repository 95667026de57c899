# Resolved at start-up with: op run --env-file=.env.tpl -- python agent.py
SALESFORCE_USERNAME=renewals.agent@northwind-traders.com
SALESFORCE_PASSWORD=op://Agents/salesforce-renewals/password
SALESFORCE_SECURITY_TOKEN=op://Agents/salesforce-renewals/security token
OPENAI_API_KEY=op://Agents/openai-renewals/credential
LOG_LEVEL=debug
