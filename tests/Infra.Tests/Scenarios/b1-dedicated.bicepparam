// Test scenario for tests/Infra.Tests (compiled by scripts/bicep.sh into infra/bin/snapshots/).
using '../../../infra/main.bicep'

param environmentName = 'ci'
param hostingPlan = 'B1'
// azureFiles is ignored on Dedicated plans: they never get a content share or a key.
param contentStorage = 'azureFiles'
