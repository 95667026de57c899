param name string
param location string = resourceGroup().location
param tags object = {}
param appSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2022-03-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  sku: { name: 'B1' }
  kind: 'linux'
  properties: { reserved: true }
}

resource appService 'Microsoft.Web/sites@2022-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.11'
      ftpsState: 'FtpsOnly'
    }
    httpsOnly: true
  }

  resource configAppSettings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }
}

output identityPrincipalId string = appService.identity.principalId
output uri string = 'https://${appService.properties.defaultHostName}'
