// Room booking bot: the bot signs in as a user-assigned managed identity, no app password
param resourceBaseName string
param location string = resourceGroup().location
param webAppSku string = 'B1'
@description('Display name shown in Teams')
param botDisplayName string = 'Room booking'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: '${resourceBaseName}-id'
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  kind: 'app'
  location: location
  name: resourceBaseName
  sku: { name: webAppSku }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  kind: 'app'
  location: location
  name: '${resourceBaseName}-app'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      alwaysOn: true
      appSettings: [
        { name: 'WEBSITE_NODE_DEFAULT_VERSION', value: '~20' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'BOT_TYPE', value: 'UserAssignedMsi' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: resourceBaseName
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
