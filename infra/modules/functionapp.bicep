// Windows hosting plan and function app (.NET 10 isolated worker).
// Only Windows plans on which the worker receives CORS preflights are accepted by main.bicep:
// Windows Consumption (Y1), Elastic Premium (EP1-EP3) and Dedicated App Service plans.

@description('Name of the function app (also its default host name).')
param name string

@description('Name of the hosting plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan; the site also gets the azd service tag.')
param tags object

@description('azd service name put in the site tag azd-service-name.')
param serviceName string

@description('Hosting plan SKU (validated by main.bicep).')
param planSku string

@description('Where the app content lives: azureFiles (content share, needs an account key), blobPackage (WEBSITE_RUN_FROM_PACKAGE blob URL read with the identity) or local (Dedicated plans: the app\'s own file system).')
@allowed([
  'azureFiles'
  'blobPackage'
  'local'
])
param contentMode string

@description('Name of the host storage account (AzureWebJobsStorage and the content).')
param storageAccountName string

@description('Name of the Azure Files content share (contentMode azureFiles).')
param contentShareName string = ''

@description('Blob URL of the app package (contentMode blobPackage).')
param packageUrl string = ''

@description('App settings that point the app at its policy store (the appSettings output of cors-policies.bicep).')
param policyStoreSettings array

@description('Resource id of a subnet for regional VNet integration (all outbound traffic through it); empty for none.')
param appSubnetId string = ''

@description('Who may write through the management API: AdminKey or EntraAppRole.')
param managementAuthorization string

@description('The Entra ID tenant whose principals may write in EntraAppRole mode.')
param managementTenantId string

@description('Policy set (PartitionKey) the app serves.')
param policySet string

@description('Seconds between two reloads of the policy table.')
param refreshSeconds int

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Application Insights connection string (local auth disabled on the component).')
param appInsightsConnectionString string

var isConsumption = planSku == 'Y1'
var isElasticPremium = startsWith(planSku, 'EP')
var isDedicated = !isConsumption && !isElasticPremium

var planTiers = {
  Y1: 'Dynamic'
  EP1: 'ElasticPremium'
  EP2: 'ElasticPremium'
  EP3: 'ElasticPremium'
  B1: 'Basic'
  B2: 'Basic'
  B3: 'Basic'
  S1: 'Standard'
  S2: 'Standard'
  S3: 'Standard'
  P0v3: 'PremiumV3'
  P1v3: 'PremiumV3'
  P2v3: 'PremiumV3'
  P3v3: 'PremiumV3'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isElasticPremium ? 'elastic' : (isConsumption ? 'functionapp' : 'app')
  sku: {
    name: planSku
    tier: planTiers[planSku]
  }
  // reserved false = Windows. Linux would be Linux Consumption for Y1, where the host answers
  // every preflight itself.
  properties: union({ reserved: false }, isElasticPremium ? { maximumElasticWorkerCount: 20 } : {})
}

// Identity-based host storage (AzureWebJobsStorage) on every plan: no connection string.
var hostStorageSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
]

// Azure Files has no identity-based access: this is the one place an account key is used.
var azureFilesSettings = contentMode == 'azureFiles'
  ? [
      {
        name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'
        value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
      }
      {
        name: 'WEBSITE_CONTENTSHARE'
        value: contentShareName
      }
      {
        name: 'WEBSITE_RUN_FROM_PACKAGE'
        value: '1'
      }
    ]
  : []

// Run from a package in a private blob container, fetched with the user-assigned identity.
var blobPackageSettings = contentMode == 'blobPackage'
  ? [
      {
        name: 'WEBSITE_RUN_FROM_PACKAGE'
        value: packageUrl
      }
      {
        name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID'
        value: identityId
      }
    ]
  : []

var localContentSettings = contentMode == 'local'
  ? [
      {
        name: 'WEBSITE_RUN_FROM_PACKAGE'
        value: '1'
      }
    ]
  : []

var runtimeSettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: 'dotnet-isolated'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    // Entra-authenticated ingestion (the component has local auth disabled).
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
]

// Configuration of the CORS policy store (section "CorsPolicies" in the app).
var policySettings = [
  {
    name: 'CorsPolicies__ManagementAuthorization'
    value: managementAuthorization
  }
  {
    name: 'CorsPolicies__ManagementTenantId'
    value: managementTenantId
  }
  {
    name: 'CorsPolicies__PartitionKey'
    value: policySet
  }
  {
    name: 'CorsPolicies__RefreshSeconds'
    value: string(refreshSeconds)
  }
  {
    name: 'CorsPolicies__ManagedIdentityClientId'
    value: identityClientId
  }
]

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(appSubnetId) ? null : appSubnetId
    siteConfig: {
      netFrameworkVersion: 'v10.0'
      use32BitWorkerProcess: false
      alwaysOn: isDedicated
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      remoteDebuggingEnabled: false
      // With VNet integration every outbound call, the policy store's private endpoint included, goes through it.
      vnetRouteAllEnabled: !empty(appSubnetId)
      // Platform CORS must stay empty: any origin here makes App Service answer CORS itself and
      // the app's own policies are ignored.
      cors: {
        allowedOrigins: []
        supportCredentials: false
      }
      appSettings: concat(
        hostStorageSettings,
        azureFilesSettings,
        blobPackageSettings,
        localContentSettings,
        runtimeSettings,
        policyStoreSettings,
        policySettings
      )
    }
  }
}

// Basic-auth publishing (FTP and Kudu) off: deployments use Entra tokens (azd, az CLI).
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app.')
output defaultHostName string = site.properties.defaultHostName
