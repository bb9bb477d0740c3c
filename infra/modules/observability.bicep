// What an operator looks at: an Azure Monitor workbook over the CorsFunctions telemetry and log alert rules on the
// Log Analytics workspace the Application Insights component writes to. Each piece is optional.
// Telemetry comes from the app's OpenTelemetry export (Azure Monitor exporter): metrics land in AppMetrics
// (attributes in Properties; counters as deltas per export), logs in AppTraces (structured values in Properties).

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the Log Analytics workspace the alert rules query.')
param workspaceId string

@description('Resource id of the Application Insights component the workbook opens on.')
param appInsightsId string

@description('Seconds between two policy reloads of the app; the snapshot age alert fires above three times this.')
param refreshSeconds int

@description('Deploy the CorsFunctions workbook.')
param deployWorkbook bool

@description('Deploy the alert "policy snapshot older than 3x the refresh interval".')
param deploySnapshotAgeAlert bool

@description('Deploy the alert "an invalid CORS policy is in force".')
param deployInvalidPolicyAlert bool

@description('Deploy the alert "refused CORS requests spike".')
param deployRefusalSpikeAlert bool

@description('Fewest refusals in 5 minutes that count as a spike (besides being 3x the previous hour\'s 5-minute average).')
@minValue(1)
param refusalSpikeMinimum int

@description('Optional action group resource id notified by every alert; empty: alerts show in the portal only.')
param actionGroupId string

var snapshotAgeThreshold = 3 * refreshSeconds
var decisions = 'AppMetrics | where Name == "cors.decisions" | extend kind = tostring(Properties["cors.request.kind"]), outcome = tostring(Properties["cors.outcome"]), reason = tostring(Properties["cors.rejection.reason"]), policy = tostring(Properties["cors.policy.id"])'
var refusedPreflightsQuery = '${decisions} | where kind == "preflight" and outcome == "rejected" | summarize refused = sum(Sum) by bin(TimeGenerated, 5m), series = strcat(reason, " / ", iff(isempty(policy), "(no policy)", policy)) | render timechart'
var topRefusedOriginsQuery = 'AppTraces | where tostring(Properties.CategoryName) == "CorsFunctions.Worker.Middleware.CorsRequestHandler" and (Message startswith "Preflight rejected" or Message startswith "Actual request refused") | summarize refused = count() by origin = tostring(Properties.Origin), reason = tostring(Properties.Reason), policy = tostring(Properties.PolicyId) | top 20 by refused'
var snapshotAgeQuery = 'AppMetrics | where Name == "cors.policy.snapshot.age" | summarize age_seconds = max(Max) by bin(TimeGenerated, 5m), instance = AppRoleInstance | render timechart'
var invalidPoliciesQuery = 'AppMetrics | where Name == "cors.policy.invalid" | summarize invalid = max(Max) by bin(TimeGenerated, 5m) | render timechart'
var invalidPolicyLogsQuery = 'AppTraces | where tostring(Properties.CategoryName) == "CorsFunctions.Worker.Policies.PolicySnapshotReporter" and Message has "is invalid" | project TimeGenerated, policy = tostring(Properties.PolicyId), field = tostring(Properties.Field), Message | order by TimeGenerated desc | take 50'

var alertActions = empty(actionGroupId) ? {} : {
  actionGroups: [
    actionGroupId
  ]
}

// A workbook's resource name must be a GUID; this one is stable per resource group.
resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = if (deployWorkbook) {
  name: guid(resourceGroup().id, 'corsfunctions-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'CorsFunctions: CORS decisions and policies'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string({
      version: 'Notebook/1.0'
      items: [
        panel('refused-preflights', 'Refused preflights by reason / policy', refusedPreflightsQuery, 'timechart')
        panel('top-refused-origins', 'Top refused origins (from logs)', topRefusedOriginsQuery, 'table')
        panel('snapshot-age', 'Policy snapshot age (s); alert above ${snapshotAgeThreshold} s', snapshotAgeQuery, 'timechart')
        panel('invalid-policies', 'Invalid policies in force', invalidPoliciesQuery, 'timechart')
        panel('invalid-policy-logs', 'Invalid policy errors (from logs)', invalidPolicyLogsQuery, 'table')
      ]
    })
  }
}

func panel(name string, title string, query string, visualization string) object => {
  type: 3
  name: name
  content: {
    version: 'KqlItem/1.0'
    title: title
    query: query
    size: 0
    queryType: 0
    resourceType: 'microsoft.insights/components'
    visualization: visualization
    timeContext: {
      durationMs: 86400000
    }
  }
}

resource snapshotAgeAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = if (deploySnapshotAgeAlert) {
  name: 'alert-cors-snapshot-age'
  location: location
  tags: tags
  properties: {
    displayName: 'CorsFunctions: policy snapshot older than ${snapshotAgeThreshold} s'
    description: 'An instance serves CORS policies read more than 3x the refresh interval ago (or has never read any): the policy store is unreachable or refuses the app. See the reload failure logs (event 2002/2003).'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'AppMetrics | where Name == "cors.policy.snapshot.age" | summarize age_seconds = max(Max) by AppRoleInstance | where age_seconds > ${snapshotAgeThreshold}'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: alertActions
  }
}

resource invalidPolicyAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = if (deployInvalidPolicyAlert) {
  name: 'alert-cors-invalid-policy'
  location: location
  tags: tags
  properties: {
    displayName: 'CorsFunctions: invalid CORS policy in force'
    description: 'At least one stored policy is invalid: its routes refuse every CORS request until the row is fixed. The invalid policy logs (event 2004/2005) name the policy and every error.'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'AppMetrics | where Name == "cors.policy.invalid" | summarize invalid = max(Max) | where invalid > 0'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: alertActions
  }
}

resource refusalSpikeAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = if (deployRefusalSpikeAlert) {
  name: 'alert-cors-refusal-spike'
  location: location
  tags: tags
  properties: {
    displayName: 'CorsFunctions: refused CORS requests spike'
    description: 'Refused CORS requests in the last 5 minutes are at least ${refusalSpikeMinimum} and more than 3x the 5-minute average of the hour before: a policy change locked out a client, or someone probes the API. The workbook shows reasons, policies and origins.'
    severity: 3
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: '${decisions} | where outcome == "rejected" | summarize recent = sumif(Sum, TimeGenerated > ago(5m)), before = sumif(Sum, TimeGenerated <= ago(5m)) | where recent >= ${refusalSpikeMinimum} and recent > 3 * before / 11.0'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: alertActions
  }
}

@description('Name of the workbook resource; empty when not deployed.')
output workbookName string = deployWorkbook ? workbook.name : ''

@description('Names of the alert rules deployed.')
output alertNames array = concat(
  deploySnapshotAgeAlert ? [snapshotAgeAlert.name] : [],
  deployInvalidPolicyAlert ? [invalidPolicyAlert.name] : [],
  deployRefusalSpikeAlert ? [refusalSpikeAlert.name] : []
)
