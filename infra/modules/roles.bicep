// Role assignments (Entra RBAC, no keys):
// - the app identity: host storage (blob + queue), read-only access to the policy and audit tables,
//   telemetry ingestion into Application Insights;
// - the optional operator: write access to the policy and audit tables only (writes are audited).
// Deliberately not granted to the app: "Storage Table Data Contributor" on the account. By default
// the app cannot rewrite its own CORS policies (appCanWritePolicies grants it on the policy table
// and audit tables only); the Functions host then turns off its optional diagnostic-events table (it handles the
// 403 by disabling that feature).

@description('Name of the storage account.')
param storageAccountName string

@description('Name of the CORS policy table.')
param policyTableName string

@description('Name of the audit table.')
param auditTableName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Principal (object) id of the function app identity.')
param appPrincipalId string

@description('Grant the app identity write access to the policy table (management API writes).')
param appCanWritePolicies bool = false

@description('Principal (object) id of an operator who manages policies; empty for none.')
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
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Roles the Functions host needs for identity-based AzureWebJobsStorage (keys, leases, queues).
var hostStorageRoles = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName

  resource tableService 'tableServices' existing = {
    name: 'default'

    resource policyTable 'tables' existing = {
      name: policyTableName
    }

    resource auditTable 'tables' existing = {
      name: auditTableName
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

resource appPolicyReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::tableService::policyTable.id, appPrincipalId, roleIds.storageTableDataReader)
  scope: account::tableService::policyTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataReader)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appPolicyWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (appCanWritePolicies) {
  name: guid(account::tableService::policyTable.id, appPrincipalId, roleIds.storageTableDataContributor)
  scope: account::tableService::policyTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The app reads a policy's history; it appends to it only when it may write policies.
resource appAuditAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::tableService::auditTable.id, appPrincipalId, appCanWritePolicies ? roleIds.storageTableDataContributor : roleIds.storageTableDataReader)
  scope: account::tableService::auditTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', appCanWritePolicies ? roleIds.storageTableDataContributor : roleIds.storageTableDataReader)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorPolicyWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(account::tableService::policyTable.id, operatorPrincipalId, roleIds.storageTableDataContributor)
  scope: account::tableService::policyTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorAuditWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(account::tableService::auditTable.id, operatorPrincipalId, roleIds.storageTableDataContributor)
  scope: account::tableService::auditTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
