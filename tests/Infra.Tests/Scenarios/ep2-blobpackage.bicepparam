// Test scenario for tests/Infra.Tests (compiled by scripts/bicep.sh into infra/bin/snapshots/).
using '../../../infra/main.bicep'

param environmentName = 'ci'
param hostingPlan = 'EP2'
param contentStorage = 'blobPackage'
// An operator uploads the package: a blob role on the app-package container only.
param operatorPrincipalId = '99999999-8888-7777-6666-555555555555'
