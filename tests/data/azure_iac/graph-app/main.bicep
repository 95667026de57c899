extension microsoftGraphV1

@description('Unique name of the mail triage app registration')
param appUniqueName string = 'mail-triage-agent'

var graphAppId = '00000003-0000-0000-c000-000000000000'

resource graphSp 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: graphAppId
}

resource triageApp 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: appUniqueName
  displayName: 'Mail triage agent'
  signInAudience: 'AzureADMyOrg'
  requiredResourceAccess: [
    {
      resourceAppId: graphAppId
      resourceAccess: [
        { id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', type: 'Role' } // Mail.Read
        { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' } // User.Read
      ]
    }
  ]

  resource githubDeploy 'federatedIdentityCredentials@v1.0' = {
    name: '${triageApp.uniqueName}/github-main'
    audiences: [ 'api://AzureADTokenExchange' ]
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:fabrikam/mail-triage:ref:refs/heads/main'
  }
}

resource triageSp 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: triageApp.appId
}

// Application permission granted (admin consent) in the template itself
resource mailSend 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  appRoleId: (filter(graphSp.appRoles, role => role.value == 'Mail.Send')[0]).id
  principalId: triageSp.id
  resourceId: graphSp.id
}

resource delegated 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = {
  clientId: triageSp.id
  consentType: 'AllPrincipals'
  resourceId: graphSp.id
  scope: 'User.Read Calendars.ReadWrite'
}

output appId string = triageApp.appId
