// Test scenario for tests/Infra.Tests: p1v3-operator with appCanWritePolicies turned off, to compare the two.
using '../../../infra/main.bicep'

param environmentName = 'ci'
param hostingPlan = 'P1v3'
param operatorPrincipalId = '11111111-2222-3333-4444-555555555555'
param operatorPrincipalType = 'Group'
param policyTableName = 'OtherPolicies'
param policySet = 'tenant-a'
param policyRefreshSeconds = 120
param appCanWritePolicies = false
param managementAuthorization = 'EntraAppRole'
param managementTenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47'
param policyAuditTableName = 'OtherPolicyAudit'
