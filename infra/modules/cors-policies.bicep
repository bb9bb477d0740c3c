// The CORS policy store, on its own storage account so that no key, role or setting of the app's host storage
// reaches it: the policy table, its append-only audit table, who may read and write them, the platform's own
// record of every write (diagnostic settings) and a delete lock. Call it from your own template with your
// function app's principal id and merge the `appSettings` output into the app's settings (docs/deployment.md, "With your own Bicep").
//
// Who gets what:
// - the app: Storage Table Data Reader on both tables; with appCanWritePolicies also Storage Table Data
//   Contributor on the policy table and the custom "audit appender" role (read + add, no update or delete) on
//   the audit table;
// - the operator (optional): the same two write roles.
// Every assignment's name depends only on its scope, principal and role, so an assignment that stays keeps its
// name when another is added or removed; deleting one that a template no longer declares is the deployment
// stack's job (actionOnUnmanage: delete). Deleting audit rows takes a role this module never assigns.

@description('Name of the storage account of the policy store (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Name of the table that holds the CORS policies.')
@minLength(3)
@maxLength(63)
param policyTableName string = 'CorsPolicies'

@description('Name of the append-only table that records every policy write.')
@minLength(3)
@maxLength(63)
param auditTableName string = 'CorsPolicyAudit'

@description('Principal (object) id of the function app\'s managed identity.')
param appPrincipalId string

@description('Let the app write policies (management API): Contributor on the policy table, append-only on the audit table.')
param appCanWritePolicies bool = false

@description('Optional principal (object) id of an operator who writes policies (CLI); empty for none.')
param operatorPrincipalId string = ''

@description('Type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Resource id of the Log Analytics workspace that receives the table service\'s StorageWrite and StorageDelete logs.')
param logAnalyticsWorkspaceId string

@description('Put a CanNotDelete lock on the account. Lifting it is an Owner or User Access Administrator action, recorded in the Activity Log.')
param lockAccount bool = true

@description('Optional resource id of a subnet for a private endpoint of the table service; the account then refuses public network access. Empty: public endpoint.')
param privateEndpointSubnetId string = ''

@description('Resource id of the private DNS zone privatelink.table.<storage suffix> the private endpoint registers in; empty when your own DNS (an Azure Policy, say) registers private endpoints.')
param privateDnsZoneId string = ''

var isPrivate = !empty(privateEndpointSubnetId)

var roleIds = {
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

var writers = concat(
  appCanWritePolicies ? [{ id: appPrincipalId, type: 'ServicePrincipal' }] : [],
  empty(operatorPrincipalId) ? [] : [{ id: operatorPrincipalId, type: operatorPrincipalType }]
)

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID only, in every plan: no account key or SAS can write a policy or an audit row.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: isPrivate ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: isPrivate ? 'Deny' : 'Allow'
      bypass: 'None'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        table: {
          enabled: true
        }
      }
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource policyTable 'tables' = {
      name: policyTableName
    }

    resource auditTable 'tables' = {
      name: auditTableName
    }
  }
}

// Read and add only: an entry once written can be neither replaced nor deleted by a writer.
resource auditAppender 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(account.id, 'corsfunctions-audit-appender')
  properties: {
    // Role names are unique in the tenant; the account name is unique in Azure.
    roleName: 'CorsFunctions audit appender (${account.name})'
    description: 'Reads and adds entities of the CorsFunctions audit table; cannot update or delete them.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/tableServices/tables/read'
        ]
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/add/action'
        ]
        notDataActions: []
      }
    ]
  }
}

resource appPolicyReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::tableService::policyTable.id, appPrincipalId, roleIds.storageTableDataReader)
  scope: account::tableService::policyTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataReader)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appAuditReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::tableService::auditTable.id, appPrincipalId, roleIds.storageTableDataReader)
  scope: account::tableService::auditTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataReader)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource policyWriters 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for writer in writers: {
    name: guid(account::tableService::policyTable.id, writer.id, roleIds.storageTableDataContributor)
    scope: account::tableService::policyTable
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
      principalId: writer.id
      principalType: writer.type
    }
  }
]

resource auditAppenders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for writer in writers: {
    name: guid(account::tableService::auditTable.id, writer.id, auditAppender.id)
    scope: account::tableService::auditTable
    properties: {
      roleDefinitionId: auditAppender.id
      principalId: writer.id
      principalType: writer.type
    }
  }
]

// The platform's record of every write and delete on the tables, whoever made it (app, CLI, portal, a key).
// 2021-05-01-preview is the newest version of this type; the linter's GA alternative (2016-09-01) is an older shape of it.
#disable-next-line use-recent-api-versions
resource tableWriteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'cors-policy-writes'
  scope: account::tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2025-07-01' = if (isPrivate) {
  name: 'pe-${name}-table'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'table'
        properties: {
          privateLinkServiceId: account.id
          groupIds: [
            'table'
          ]
        }
      }
    ]
  }

  resource dnsZoneGroup 'privateDnsZoneGroups' = if (!empty(privateDnsZoneId)) {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: 'table'
          properties: {
            privateDnsZoneId: privateDnsZoneId
          }
        }
      ]
    }
  }
}

// Also blocks deleting the role assignments and diagnostic settings below the account: revoking a right means
// lifting the lock first (docs/deployment.md, "Taking a right away").
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  name: 'cors-policies-no-delete'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the CORS policies and their audit log. Lift only to revoke a role or retire the app.'
  }
}

@description('Name of the policy store\'s storage account.')
output accountName string = account.name

@description('Resource id of the policy store\'s storage account.')
output accountId string = account.id

@description('Table endpoint of the policy store.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Name of the policy table.')
output policyTableName string = account::tableService::policyTable.name

@description('Name of the audit table.')
output auditTableName string = account::tableService::auditTable.name

@description('Resource id of the delete lock; empty when lockAccount is false.')
output lockId string = lockAccount ? deleteLock.id : ''

@description('App settings (name/value pairs) that point the app at this store; merge them into the function app\'s settings.')
output appSettings array = [
  {
    name: 'CorsPolicies__TableServiceUri'
    value: account.properties.primaryEndpoints.table
  }
  {
    name: 'CorsPolicies__TableName'
    value: account::tableService::policyTable.name
  }
  {
    name: 'CorsPolicies__AuditTableName'
    value: account::tableService::auditTable.name
  }
]
