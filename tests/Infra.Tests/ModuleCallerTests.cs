using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>
/// infra/modules/cors-policies.bicep called from a team's own template (Callers/own-app.bicep): the store it creates
/// and the settings the team merges into its app.
/// </summary>
public sealed class ModuleCallerTests
{
    private const string StorageTableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";

    private readonly Snapshot _caller = Snapshot.LoadCaller("own-app");

    [Fact]
    public void Module_creates_a_keyless_account_with_both_tables()
    {
        var account = _caller.PolicyStorageAccount;

        Assert.Single(_caller.OfType(Snapshot.StorageAccountType));
        Assert.False(account["properties"].Bool("allowSharedKeyAccess"));
        Assert.Equal(
            [$"{account.Str("name")}/default/CorsPolicies", $"{account.Str("name")}/default/CorsPolicyAudit"],
            _caller.OfType(Snapshot.TableType).Select(t => t.Str("name")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Callers_app_reads_both_tables_and_by_default_writes_neither()
    {
        var identity = _caller.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Str("id");
        var app = $"[reference('{identity}', '2024-11-30').principalId]";
        var tables = _caller.OfType(Snapshot.TableType).Select(t => t.Str("id")!).Order(StringComparer.Ordinal);

        Assert.Equal(
            tables.Select(t => new RoleAssignment(t, StorageTableDataReader, app, "ServicePrincipal")),
            _caller.RoleAssignments.OrderBy(r => r.Scope, StringComparer.Ordinal));
    }

    [Fact]
    public void Module_brings_the_write_log_and_the_lock()
    {
        var account = _caller.PolicyStorageAccount.Str("id");

        Assert.StartsWith($"{account}/tableServices/default/", _caller.Single("Microsoft.Insights/diagnosticSettings").Str("id"), StringComparison.Ordinal);
        Assert.StartsWith($"{account}/", _caller.Single("Microsoft.Authorization/locks").Str("id"), StringComparison.Ordinal);
    }

    [Fact]
    public void Module_settings_merged_into_the_callers_app_point_it_at_the_store()
    {
        var settings = _caller.AppSettings;

        Assert.Equal(
            $"[reference('{_caller.PolicyStorageAccount.Str("id")}', '2025-06-01').primaryEndpoints.table]",
            settings["CorsPolicies__TableServiceUri"]);
        Assert.Equal("CorsPolicies", settings["CorsPolicies__TableName"]);
        Assert.Equal("CorsPolicyAudit", settings["CorsPolicies__AuditTableName"]);
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Main_template_uses_the_same_module()
    {
        var main = File.ReadAllText(Path.Combine(RepoFiles.Root, "infra", "main.bicep"));

        Assert.Contains("module policyStore 'modules/cors-policies.bicep'", main, StringComparison.Ordinal);
    }
}
