// Test scenario for tests/Infra.Tests (compiled by scripts/bicep.sh into infra/bin/snapshots/).
// Every observability piece off but the refusal spike alert: each one is optional on its own.
using '../../../infra/main.bicep'

param environmentName = 'ci'
param hostingPlan = 'B1'
param deployWorkbook = false
param deploySnapshotAgeAlert = false
param deployInvalidPolicyAlert = false
param refusalSpikeMinimum = 7
param alertActionGroupId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ops'
param lockPolicyStorage = false
