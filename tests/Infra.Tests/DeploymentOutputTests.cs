using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>Outputs azd and users rely on, per scenario, and the scenario catalogue itself.</summary>
public sealed class DeploymentOutputTests
{
    public static TheoryData<string> Scenarios => Scenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Outputs_name_the_app_its_url_and_the_policy_table_and_hold_no_key(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var outputs = snapshot.Outputs;

        Assert.Equal(snapshot.Site.Str("name"), outputs.Str("AZURE_FUNCTION_APP_NAME"));
        Assert.StartsWith("[format('https://{0}'", outputs.Str("FUNCTION_APP_URL"), StringComparison.Ordinal);
        Assert.Contains(".primaryEndpoints.table", outputs.Str("POLICY_TABLE_ENDPOINT"), StringComparison.Ordinal);
        Assert.Equal(snapshot.Scenario.PolicyTable, outputs.Str("POLICY_TABLE_NAME"));
        Assert.Equal(snapshot.Scenario.AuditTable, outputs.Str("POLICY_AUDIT_TABLE_NAME"));
        Assert.Equal(snapshot.PolicyStorageAccount.Str("name"), outputs.Str("POLICY_STORAGE_ACCOUNT_NAME"));
        Assert.Equal(snapshot.HostStorageAccount.Str("name"), outputs.Str("STORAGE_ACCOUNT_NAME"));
        Assert.Equal(snapshot.Scenario.PlanSku, outputs.Str("HOSTING_PLAN"));
        Assert.Equal(snapshot.Scenario.NeedsAccountKey, outputs.Bool("USES_STORAGE_ACCOUNT_KEY"));
        Assert.DoesNotContain(Json.Strings(outputs), s =>
            s.Value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase)
            || s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Snapshot_has_no_diagnostics(string scenario)
    {
        var diagnostics = Snapshot.Load(scenario).Root["diagnostics"]?.AsArray() ?? [];

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_scenario_file_has_expectations_and_a_snapshot()
    {
        var files = Directory.GetFiles(RepoFiles.ScenarioFolder, "*.bicepparam")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Scenario.All.Select(s => s.Name).Order(StringComparer.Ordinal), files);
        foreach (var name in files)
        {
            Assert.True(File.Exists(RepoFiles.Snapshot(name)), $"No snapshot for scenario {name}: run scripts/bicep.sh first.");
        }
    }

    [Fact]
    public void Scenarios_cover_every_plan_family_with_and_without_a_key()
    {
        Assert.Contains(Scenario.All, s => s.PlanSku == "Y1" && s.NeedsAccountKey);
        Assert.Contains(Scenario.All, s => s.PlanSku == "Y1" && !s.NeedsAccountKey);
        Assert.Contains(Scenario.All, s => s.IsElasticPremium && s.NeedsAccountKey);
        Assert.Contains(Scenario.All, s => s.IsElasticPremium && !s.NeedsAccountKey);
        Assert.Contains(Scenario.All, s => s.IsDedicated);
        Assert.DoesNotContain(Scenario.All, s => s.IsDedicated && s.NeedsAccountKey);
        Assert.Contains(Scenario.All, s => s.OperatorPrincipalId is not null);
        Assert.Contains(Scenario.All, s => s.AppWritesPolicies);
        Assert.Contains(Scenario.All, s => s.OperatorPrincipalId is not null && s.RunsFromBlobPackage);
        Assert.Contains(Scenario.All, s => s.PrivateEndpoint && s.IsElasticPremium);
        Assert.Contains(Scenario.All, s => !s.PolicyStorageLock);
    }
}
