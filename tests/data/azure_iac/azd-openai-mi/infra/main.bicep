targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment')
param environmentName string

@minLength(1)
param location string

@description('Id of the person running azd, given data access for local development')
param principalId string = ''

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module openAi 'core/cognitiveservices.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${token}'
    location: location
    tags: tags
  }
}

module api 'core/appservice.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: 'app-api-${token}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    appSettings: {
      AZURE_OPENAI_ENDPOINT: openAi.outputs.endpoint
      AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini'
    }
  }
}

// The app's managed identity calls Azure OpenAI with Entra tokens
module openAiRoleApi 'core/role.bicep' = {
  scope: rg
  name: 'openai-role-api'
  params: {
    principalId: api.outputs.identityPrincipalId
    roleDefinitionId: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
    principalType: 'ServicePrincipal'
  }
}

module openAiRoleUser 'core/role.bicep' = if (!empty(principalId)) {
  scope: rg
  name: 'openai-role-user'
  params: {
    principalId: principalId
    roleDefinitionId: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
    principalType: 'User'
  }
}

output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
