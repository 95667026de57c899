param name string
param location string = resourceGroup().location

@description('Password of the claims database login')
param sqlAdminPassword string = 'Wint3r-Claims!2026'

// Search admin key pasted during a demo and never removed
param searchAdminKey string = 'Hq7T2vXw9LmP4sKd8RzB1nYc6FgJ3aUe5VoI0pWxQtNrMbLkZy'

resource openAi 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'oai-${name}'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-${name}'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-${name}'
}

resource web 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-${name}'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AZURE_OPENAI_ENDPOINT', value: openAi.properties.endpoint }
        { name: 'AZURE_OPENAI_API_KEY', value: openAi.listKeys().key1 }
        { name: 'CLAIMS_DB_PASSWORD', value: '@Microsoft.KeyVault(VaultName=kv-${name};SecretName=claims-db-password)' }
        { name: 'SEARCH_ADMIN_KEY', value: searchAdminKey }
      ]
    }
  }
}

resource storedKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'openai-key'
  properties: {
    value: listKeys(openAi.id, '2023-05-01').key1
  }
}
