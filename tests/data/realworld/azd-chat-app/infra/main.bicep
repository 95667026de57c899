targetScope = 'resourceGroup'

@description('Name of the environment, used to name every resource')
param environmentName string
param location string = resourceGroup().location

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${environmentName}'
  location: location
}

output AZURE_CLIENT_ID string = identity.properties.clientId
