targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
param environmentName string
param location string = resourceGroup().location

@secure()
@description('Administrator password of the analytics database')
param sqlAdminPassword string

// TODO move to Key Vault before go-live
param analyticsIngestKey string = 'f3Kq9ZrT7wYx2LmB8vNc4PdS6hJa1GeU5tRo0iWq'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

resource openAi 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'oai-${resourceToken}'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-${resourceToken}'
    publicNetworkAccess: 'Enabled'
  }
}

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-${resourceToken}'
  location: location
  sku: { name: 'basic' }
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: 'plan-${resourceToken}'
  location: location
  kind: 'linux'
  sku: { name: 'B1' }
  properties: { reserved: true }
}

resource backend 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-backend-${resourceToken}'
  location: location
  kind: 'app,linux'
  tags: { 'azd-service-name': 'backend' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.11'
      appSettings: [
        { name: 'AZURE_OPENAI_ENDPOINT', value: openAi.properties.endpoint }
        { name: 'AZURE_OPENAI_API_KEY', value: openAi.listKeys().key1 }
        { name: 'AZURE_SEARCH_ENDPOINT', value: 'https://${search.name}.search.windows.net' }
        { name: 'AZURE_SEARCH_KEY', value: search.listAdminKeys().primaryKey }
        { name: 'SQL_ADMIN_PASSWORD', value: sqlAdminPassword }
        { name: 'ANALYTICS_INGEST_KEY', value: analyticsIngestKey }
      ]
    }
  }
}

output AZURE_OPENAI_ENDPOINT string = openAi.properties.endpoint
output AZURE_SEARCH_ENDPOINT string = 'https://${search.name}.search.windows.net'
