@maxLength(20)
@minLength(4)
param resourceBaseName string
param botAadAppClientId string
param botAppDomain string
param botDisplayName string
param botServiceName string = resourceBaseName
param botServiceSku string = 'F0'

// Register the bot with the Bot Framework service
resource botService 'Microsoft.BotService/botServices@2021-03-01' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'MultiTenant'
  }
  sku: {
    name: botServiceSku
  }
}

// Teams channel for the bot
resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2021-03-01' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
