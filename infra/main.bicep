// CorsFunctions: a CORS preflight handler on Azure Functions (.NET 10 isolated worker) whose
// policies live in Azure Table Storage. One resource group, deployed as a deployment stack so that a right the
// template stops granting is removed: `azd up` (deploymentStacks in azure.yaml) or
// `az stack group create -g <rg> -f infra/main.bicep --action-on-unmanage deleteResources --deny-settings-mode none`.
// The policy store has its own storage account (modules/cors-policies.bicep): no key, no key-based setting.
targetScope = 'resourceGroup'

@description('Name of the environment (azd environment name); feeds the unique resource token and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('''Hosting plan (Windows). Only plans on which the .NET worker receives CORS preflights are offered:
Windows Consumption (Y1), Elastic Premium (EP1-EP3) and Dedicated App Service plans (B1-B3, S1-S3, P0v3-P3v3).
Flex Consumption (FC1) and Linux Consumption are refused on purpose: there the Functions host always runs its own
CORS middleware and answers every OPTIONS preflight itself, so the app's CORS policies would never be applied
(azure-functions-host issue #9012). Dedicated plans are keyless; Y1/EP need a key to the host storage account (never to the
policy store) unless contentStorage is blobPackage.''')
@allowed([
  'Y1'
  'EP1'
  'EP2'
  'EP3'
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param hostingPlan string = 'Y1'

@description('''Y1 and EP only (Dedicated plans ignore it and never use a key).
azureFiles: the default Azure Files content share; works with `azd deploy` / zip deploy, but Azure Files has no identity-based
access, so the host account's key goes into WEBSITE_CONTENTAZUREFILECONNECTIONSTRING and shared-key access stays on for that
account (the policy store is another account, keyless in every plan).
blobPackage: no Azure Files, no key; the app runs from a zip in the private container "app-package" (WEBSITE_RUN_FROM_PACKAGE
blob URL read with the managed identity) and shared-key access is disabled. You upload the zip yourself (docs/deployment.md);
scale-out can be slower without Azure Files.''')
@allowed([
  'azureFiles'
  'blobPackage'
])
param contentStorage string = 'azureFiles'

@description('Name of the Azure Table that holds the CORS policies.')
@minLength(3)
@maxLength(63)
param policyTableName string = 'CorsPolicies'

@description('Name of the append-only Azure Table that records every policy write (who, when, before and after).')
@minLength(3)
@maxLength(63)
param policyAuditTableName string = 'CorsPolicyAudit'

@description('''Who may write policies through the management API (off until CorsPolicies__EnableManagementApi=true). Every management
function needs the admin level at the host (the master key, or a platform site token). AdminKey: nothing more. EntraAppRole: writes
also need App Service Authentication (Entra ID) with a principal of managementTenantId holding the app role CorsPolicies.Write;
configure the authentication yourself (not in this template); without it every write is refused.''')
@allowed([
  'AdminKey'
  'EntraAppRole'
])
param managementAuthorization string = 'AdminKey'

@description('''The Entra ID tenant (a GUID) whose principals may write in EntraAppRole mode (CorsPolicies__ManagementTenantId; the app
refuses to start in that mode without it): an app registration open to other tenants lets their principals sign in, and be
assigned the app role there. Defaults to the tenant of the deployment.''')
param managementTenantId string = tenant().tenantId

@description('Policy set (PartitionKey in the policy table) served by this app.')
@minLength(1)
param policySet string = 'default'

@description('Seconds between two reloads of the policy table by the app.')
@minValue(5)
@maxValue(3600)
param policyRefreshSeconds int = 30

@description('Optional principal (object) id of an operator who manages policies: "Storage Table Data Contributor" on the policy table, the append-only audit role on the audit table and, with contentStorage blobPackage, "Storage Blob Data Contributor" on the app-package container. azd passes the signed-in user.')
param operatorPrincipalId string = ''

@description('Type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Let the app identity write policies for the management API (PUT/DELETE/rollback cors-policies): "Storage Table Data Contributor" on the policy table and the append-only audit role on the audit table. Off by default: the app then only reads its policies and their history; operators write with their own Entra identity. Turning it off removes those assignments when deployed as a deployment stack (lift the delete lock first: docs/deployment.md, "Taking a right away").')
param appCanWritePolicies bool = false

@description('Put a CanNotDelete lock on the policy store\'s storage account (on by default). Revoking a role below it then needs the lock lifted first.')
param lockPolicyStorage bool = true

@description('''public: the policy store answers on its public endpoint (Entra ID only). privateEndpoint: Elastic Premium and Dedicated
only; the policy store is reachable only through a private endpoint in a new virtual network the app integrates with, and
refuses public network access (operators then write through the management API or from inside that network). Windows
Consumption (Y1) has no VNet integration and cannot use it: the deployment fails with that message.''')
@allowed([
  'public'
  'privateEndpoint'
])
param policyStorageNetwork string = 'public'

@description('Deploy the Azure Monitor workbook "CorsFunctions: CORS decisions and policies" (refused preflights by reason and policy, top refused origins, snapshot age, invalid policies).')
param deployWorkbook bool = true

@description('Deploy the log alert rule that fires when an instance\'s policy snapshot is older than 3x policyRefreshSeconds (store unreachable, or never loaded).')
param deploySnapshotAgeAlert bool = true

@description('Deploy the log alert rule that fires while any invalid CORS policy is in force.')
param deployInvalidPolicyAlert bool = true

@description('Deploy the log alert rule that fires when refused CORS requests spike (see refusalSpikeMinimum).')
param deployRefusalSpikeAlert bool = true

@description('Fewest refused CORS requests in 5 minutes that the spike alert reports (they must also be 3x the previous hour\'s 5-minute average).')
@minValue(1)
param refusalSpikeMinimum int = 50

@description('Optional resource id of an action group every alert notifies; empty: alerts show in the portal only.')
param alertActionGroupId string = ''

@description('Optional name of the function app; default func-<token>. Becomes <name>.azurewebsites.net.')
@maxLength(60)
param functionAppName string = ''

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'CorsFunctions'
}
var appName = empty(functionAppName) ? 'func-${resourceToken}' : functionAppName

var isDedicated = hostingPlan != 'Y1' && !startsWith(hostingPlan, 'EP')
// azureFiles: key-based content share; blobPackage: run from a blob URL; local: Dedicated plans.
var contentMode = isDedicated ? 'local' : contentStorage
var usesAccountKey = contentMode == 'azureFiles'
var contentShareName = usesAccountKey ? 'content-${resourceToken}' : ''
var packageContainerName = contentMode == 'blobPackage' ? 'app-package' : ''
var packageBlobName = 'corsfunctions.zip'
var usePrivateEndpoint = policyStorageNetwork == 'privateEndpoint'
  ? (hostingPlan == 'Y1'
      ? fail('policyStorageNetwork privateEndpoint needs VNet integration, which Windows Consumption (Y1) does not have: use an Elastic Premium (EP1-EP3) or Dedicated plan, or policyStorageNetwork public.')
      : true)
  : false

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module observability 'modules/observability.bicep' = {
  name: 'observability'
  params: {
    location: location
    tags: tags
    workspaceId: monitoring.outputs.workspaceId
    appInsightsId: monitoring.outputs.appInsightsId
    refreshSeconds: policyRefreshSeconds
    deployWorkbook: deployWorkbook
    deploySnapshotAgeAlert: deploySnapshotAgeAlert
    deployInvalidPolicyAlert: deployInvalidPolicyAlert
    deployRefusalSpikeAlert: deployRefusalSpikeAlert
    refusalSpikeMinimum: refusalSpikeMinimum
    actionGroupId: alertActionGroupId
  }
}

module storage 'modules/host-storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    allowSharedKeyAccess: usesAccountKey
    contentShareName: contentShareName
    packageContainerName: packageContainerName
  }
}

module network 'modules/network.bicep' = if (usePrivateEndpoint) {
  name: 'network'
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
  }
}

module policyStore 'modules/cors-policies.bicep' = {
  name: 'cors-policies'
  params: {
    name: 'stcors${resourceToken}'
    location: location
    tags: tags
    policyTableName: policyTableName
    auditTableName: policyAuditTableName
    appPrincipalId: identity.outputs.principalId
    appCanWritePolicies: appCanWritePolicies
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    lockAccount: lockPolicyStorage
    privateEndpointSubnetId: usePrivateEndpoint ? network!.outputs.privateEndpointSubnetId : ''
    privateDnsZoneId: usePrivateEndpoint ? network!.outputs.tableDnsZoneId : ''
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    packageContainerName: storage.outputs.packageContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

var packageUrl = contentMode == 'blobPackage'
  ? '${storage.outputs.blobEndpoint}${packageContainerName}/${packageBlobName}'
  : ''

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  // The app starts with identity-based storage: its roles must exist first (the policy store's come with its settings).
  dependsOn: [
    roles
  ]
  params: {
    name: appName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    planSku: hostingPlan
    contentMode: contentMode
    storageAccountName: storage.outputs.name
    contentShareName: contentShareName
    packageUrl: packageUrl
    policyStoreSettings: policyStore.outputs.appSettings
    appSubnetId: usePrivateEndpoint ? network!.outputs.appSubnetId : ''
    managementAuthorization: managementAuthorization
    managementTenantId: managementTenantId
    policySet: policySet
    refreshSeconds: policyRefreshSeconds
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    appInsightsConnectionString: monitoring.outputs.connectionString
  }
}

@description('Region of the deployment (azd).')
output AZURE_LOCATION string = location

@description('Name of the function app (azd, az functionapp commands).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Base URL of the function app.')
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'

@description('Hosting plan SKU deployed.')
output HOSTING_PLAN string = hostingPlan

@description('Whether a key to the host storage account is stored in the app settings (Azure Files content share); the policy store never has one.')
output USES_STORAGE_ACCOUNT_KEY bool = usesAccountKey

@description('Name of the host storage account (AzureWebJobsStorage, content share or app-package container).')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Name of the policy store\'s storage account (policy and audit tables; Entra ID only).')
output POLICY_STORAGE_ACCOUNT_NAME string = policyStore.outputs.accountName

@description('Table service endpoint of the policy store.')
output POLICY_TABLE_ENDPOINT string = policyStore.outputs.tableEndpoint

@description('Name of the policy table.')
output POLICY_TABLE_NAME string = policyStore.outputs.policyTableName

@description('Name of the audit table (every policy write).')
output POLICY_AUDIT_TABLE_NAME string = policyStore.outputs.auditTableName

@description('Resource id of the policy store\'s delete lock (lift it to revoke a role); empty when lockPolicyStorage is false.')
output POLICY_STORAGE_LOCK_ID string = policyStore.outputs.lockId

@description('Policy set (PartitionKey) served by the app.')
output POLICY_SET string = policySet

@description('Client id of the app\'s user-assigned identity (also in CorsPolicies__ManagedIdentityClientId).')
output APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Name of the CorsFunctions workbook resource; empty when deployWorkbook is false.')
output WORKBOOK_NAME string = observability.outputs.workbookName

@description('Names of the CorsFunctions alert rules deployed.')
output ALERT_RULE_NAMES array = observability.outputs.alertNames

@description('Blob URL the app runs from when contentStorage is blobPackage; empty otherwise.')
output APP_PACKAGE_URL string = packageUrl
