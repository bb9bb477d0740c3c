// Test scenario for tests/Infra.Tests (compiled by scripts/bicep.sh into infra/bin/snapshots/).
using '../../../infra/main.bicep'

param environmentName = 'ci'
param hostingPlan = 'Y1'
param contentStorage = 'blobPackage'
