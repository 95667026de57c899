param name string
param location string = resourceGroup().location
param tags object = {}
param deploymentName string = 'gpt-4o-mini'

resource account 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true // keys switched off: Entra tokens only
  }
  sku: { name: 'S0' }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {
  parent: account
  name: deploymentName
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' }
  }
  sku: { name: 'Standard', capacity: 20 }
}

output endpoint string = account.properties.endpoint
output name string = account.name
