// Expense assistant for Teams: the bot's Entra app signs in with a client secret
@maxLength(20)
@minLength(4)
@description('Prefix for every resource name')
param resourceBaseName string

@description('Client id of the bot app registration, written by the toolkit')
param botAadAppClientId string

@secure()
@description('Client secret of the bot app registration, written by the toolkit')
param botAadAppClientSecret string

param webAppSKU string = 'B1'
param botDisplayName string = 'Expense Assistant'
param location string = resourceGroup().location

var serverfarmsName = resourceBaseName
var webAppName = '${resourceBaseName}-web'

resource serverfarm 'Microsoft.Web/serverfarms@2021-02-01' = {
  kind: 'app'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
}

resource webApp 'Microsoft.Web/sites@2021-02-01' = {
  kind: 'app'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      alwaysOn: true
      appSettings: [
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'BOT_ID'
          value: botAadAppClientId
        }
        {
          name: 'BOT_PASSWORD'
          value: botAadAppClientSecret
        }
        { name: 'RUNNING_ON_AZURE', value: '1' }
      ]
      ftpsState: 'FtpsOnly'
    }
  }
}

module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botAadAppClientId: botAadAppClientId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
