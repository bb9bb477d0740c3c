// Test scenario for tests/Infra.Tests: the policy store behind a private endpoint, the app on VNet integration.
using '../../../infra/main.bicep'

param environmentName = 'ci'
param hostingPlan = 'EP1'
param contentStorage = 'blobPackage'
param policyStorageNetwork = 'privateEndpoint'
