// Role assignments outside the policy store (its roles are in cors-policies.bicep), Entra RBAC, no keys:
// - the app identity: host storage (blob + queue on the host account, whose containers the host creates itself)
//   and telemetry ingestion into Application Insights;
// - the optional operator, when the app runs from a blob package: upload rights on the app-package container only
//   (not on the account, whose azure-webjobs-secrets container holds the host's keys).

@description('Name of the host storage account.')
param storageAccountName string

@description('Name of the app package container; empty when the app does not run from a blob package.')
param packageContainerName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Principal (object) id of the function app identity.')
param appPrincipalId string

@description('Principal (object) id of an operator; empty for none.')
param operatorPrincipalId string = ''

@description('Type of the operator principal.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Roles the Functions host needs for identity-based AzureWebJobsStorage (keys, leases, queues).
var hostStorageRoles = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource packageContainer 'containers' existing = {
      name: packageContainerName
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource hostStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in hostStorageRoles: {
    name: guid(account.id, appPrincipalId, roleId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorPackageUploader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId) && !empty(packageContainerName)) {
  name: guid(account::blobService::packageContainer.id, operatorPrincipalId, roleIds.storageBlobDataContributor)
  scope: account::blobService::packageContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
