using System.Text.Json.Nodes;
using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>The hosting plan and the function app, per scenario (infra/bin/snapshots/).</summary>
public sealed class FunctionAppTests
{
    public static TheoryData<string> Scenarios => Scenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Platform_cors_is_explicitly_empty(string scenario)
    {
        var cors = Snapshot.Load(scenario).Site["properties"]?["siteConfig"]?["cors"];

        var origins = Assert.IsType<JsonArray>(cors?["allowedOrigins"], exactMatch: false);
        Assert.Empty(origins);
        Assert.False(cors.Bool("supportCredentials") ?? false);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Https_only_with_tls_1_2_and_no_ftp(string scenario)
    {
        var site = Snapshot.Load(scenario).Site["properties"];
        var config = site?["siteConfig"];

        Assert.True(site.Bool("httpsOnly"));
        Assert.Equal("1.2", config.Str("minTlsVersion"));
        Assert.Equal("1.2", config.Str("scmMinTlsVersion"));
        Assert.Equal("Disabled", config.Str("ftpsState"));
        Assert.False(config.Bool("remoteDebuggingEnabled") ?? false);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Basic_auth_publishing_is_off_for_ftp_and_kudu(string scenario)
    {
        var policies = Snapshot.Load(scenario).OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        foreach (var kind in new[] { "ftp", "scm" })
        {
            var policy = Assert.Single(policies, p => (p.Str("name") ?? string.Empty).EndsWith("/" + kind, StringComparison.Ordinal));
            Assert.False(policy["properties"].Bool("allow"));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Runs_the_dotnet_10_isolated_worker_on_windows(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var settings = snapshot.AppSettings;
        var plan = snapshot.Single("Microsoft.Web/serverfarms");

        Assert.Equal("functionapp", snapshot.Site.Str("kind"));
        Assert.Equal("v10.0", snapshot.Site["properties"]?["siteConfig"].Str("netFrameworkVersion"));
        Assert.False(snapshot.Site["properties"]?["siteConfig"].Bool("use32BitWorkerProcess"));
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Equal(snapshot.Scenario.PlanSku, plan["sku"].Str("name"));
        // reserved = Linux. Linux Y1 is Linux Consumption, where the host answers every preflight.
        Assert.False(plan["properties"].Bool("reserved"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_shape_matches_the_sku(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var plan = snapshot.Single("Microsoft.Web/serverfarms");
        var expectedTier = snapshot.Scenario switch
        {
            { PlanSku: "Y1" } => "Dynamic",
            { IsElasticPremium: true } => "ElasticPremium",
            _ => null,
        };

        if (expectedTier is not null)
        {
            Assert.Equal(expectedTier, plan["sku"].Str("tier"));
        }

        Assert.Equal(snapshot.Scenario.IsElasticPremium, plan.Str("kind") == "elastic");
        Assert.Equal(snapshot.Scenario.IsDedicated, snapshot.Site["properties"]?["siteConfig"].Bool("alwaysOn"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Policy_store_settings_point_at_the_policy_table_with_the_app_identity(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var settings = snapshot.AppSettings;
        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Str("id")!;

        Assert.Contains(".primaryEndpoints.table", settings["CorsPolicies__TableServiceUri"], StringComparison.Ordinal);
        Assert.Contains(snapshot.PolicyStorageAccount.Str("id")!, settings["CorsPolicies__TableServiceUri"], StringComparison.Ordinal);
        Assert.Equal(snapshot.Scenario.PolicyTable, settings["CorsPolicies__TableName"]);
        Assert.Equal(snapshot.Scenario.AuditTable, settings["CorsPolicies__AuditTableName"]);
        Assert.Equal(snapshot.Scenario.ManagementAuthorization, settings["CorsPolicies__ManagementAuthorization"]);

        // The app refuses to start in EntraAppRole mode without a tenant: the deployment's, unless one is given.
        Assert.Equal(snapshot.Scenario.ManagementTenantId, settings["CorsPolicies__ManagementTenantId"]);
        Assert.False(settings.ContainsKey("CorsPolicies__EnableManagementApi"), "the deployed template leaves the management API off");
        Assert.Equal(snapshot.Scenario.PolicySet, settings["CorsPolicies__PartitionKey"]);
        Assert.Equal(snapshot.Scenario.RefreshSeconds, settings["CorsPolicies__RefreshSeconds"]);
        Assert.Equal($"[reference('{identity}', '2024-11-30').clientId]", settings["CorsPolicies__ManagedIdentityClientId"]);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Host_storage_uses_the_managed_identity_not_a_connection_string(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var settings = snapshot.AppSettings;
        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Str("id")!;

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage must not be a connection string.");
        Assert.Equal(snapshot.HostStorageAccount.Str("name"), settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(settings["CorsPolicies__ManagedIdentityClientId"], settings["AzureWebJobsStorage__clientId"]);

        var siteIdentity = snapshot.Site["identity"];
        Assert.Equal("UserAssigned", siteIdentity.Str("type"));
        Assert.NotNull(siteIdentity?["userAssignedIdentities"]?[identity]);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Telemetry_goes_to_application_insights_with_entra_authentication(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var settings = snapshot.AppSettings;
        var appInsights = snapshot.Single("Microsoft.Insights/components");

        Assert.True(appInsights["properties"].Bool("DisableLocalAuth"));
        Assert.Equal(
            snapshot.Single("Microsoft.OperationalInsights/workspaces").Str("id"),
            appInsights["properties"].Str("WorkspaceResourceId"));
        Assert.Contains(appInsights.Str("id")!, settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Site_carries_the_azd_service_tag(string scenario)
    {
        Assert.Equal("api", Snapshot.Load(scenario).Site["tags"].Str("azd-service-name"));
    }
}
