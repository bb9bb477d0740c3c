// User-assigned managed identity of the function app. User-assigned (not system-assigned) so that
// every role assignment exists before the app first starts: the host reads AzureWebJobsStorage and
// the app reads the policy table with this identity from its very first request.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id, used by DefaultAzureCredential and the Functions host to pick this identity.')
output clientId string = identity.properties.clientId

@description('Object (principal) id, used in role assignments.')
output principalId string = identity.properties.principalId
