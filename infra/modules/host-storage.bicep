// Storage account of the Functions host: its state (AzureWebJobsStorage: keys, leases, queues) and, depending on the
// plan, the Azure Files content share or the blob container of the app package. The CORS policies are not here:
// this account's key, when Azure Files needs one, sits in an app setting (see cors-policies.bicep).

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Shared-key (account key) access. Only true when the plan needs an Azure Files content share, which has no identity-based option.')
param allowSharedKeyAccess bool

@description('Name of the Azure Files content share to create, or empty for none.')
param contentShareName string = ''

@description('Name of the private blob container that holds the app package, or empty for none.')
param packageContainerName string = ''

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
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
        }
      }
    }
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2025-06-01' = if (!empty(contentShareName)) {
  parent: account
  name: 'default'
}

resource contentShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2025-06-01' = if (!empty(contentShareName)) {
  parent: fileService
  name: contentShareName
  properties: {
    shareQuota: 5120
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = if (!empty(packageContainerName)) {
  parent: account
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = if (!empty(packageContainerName)) {
  parent: blobService
  name: packageContainerName
  properties: {
    publicAccess: 'None'
  }
}

@description('Name of the storage account.')
output name string = account.name

@description('Resource id of the storage account.')
output id string = account.id

@description('Blob endpoint, e.g. https://<account>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Name of the app package container; empty for none.')
output packageContainerName string = empty(packageContainerName) ? '' : packageContainer.name
