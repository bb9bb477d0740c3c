// A team's own template, reduced to what matters here: it deploys its function app itself and calls the
// CorsFunctions policy-store module with the app's identity, then merges the module's app settings into its own.
// Compiled by scripts/bicep.sh and checked by tests/Infra.Tests (ModuleCallerTests); the README shows the same call.
param location string = resourceGroup().location
param logAnalyticsWorkspaceId string

var token = uniqueString(resourceGroup().id)

// A user-assigned identity: the module needs the principal id before the app's settings can name the store.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-orders-${token}'
  location: location
}

module corsPolicies '../../../infra/modules/cors-policies.bicep' = {
  name: 'cors-policies'
  params: {
    name: 'stcors${token}'
    location: location
    appPrincipalId: identity.properties.principalId
    logAnalyticsWorkspaceId: logAnalyticsWorkspaceId
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'plan-orders-${token}'
  location: location
  sku: {
    name: 'EP1'
    tier: 'ElasticPremium'
  }
  kind: 'elastic'
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: 'func-orders-${token}'
  location: location
  kind: 'functionapp'
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
      appSettings: concat(
        [
          {
            name: 'FUNCTIONS_WORKER_RUNTIME'
            value: 'dotnet-isolated'
          }
          {
            name: 'CorsPolicies__ManagedIdentityClientId'
            value: identity.properties.clientId
          }
        ],
        corsPolicies.outputs.appSettings
      )
    }
  }
}
