using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>Who may do what, per scenario: the app reads policies and their history, only the operator (or, when allowed, the app) writes them.</summary>
public sealed class RoleAssignmentTests
{
    private const string StorageTableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    // Roles that would let the app change its own CORS policies or read keys.
    private static readonly string[] s_writeRoles =
    [
        StorageTableDataContributor,
        "17d1049b-9a84-46fb-8f53-869881c3d3ab", // Storage Account Contributor
        "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
        "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
    ];

    public static TheoryData<string> Scenarios => Scenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void App_identity_reads_the_policy_table(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var table = snapshot.Table(snapshot.Scenario.PolicyTable).Str("id")!;
        var audit = snapshot.Table(snapshot.Scenario.AuditTable).Str("id")!;
        var app = AppPrincipal(snapshot);

        // The audit table is read with Reader, or with Contributor when the app also writes (next test).
        Assert.Equal(snapshot.Scenario.AppWritesPolicies ? [table] : [.. new[] { table, audit }.Order(StringComparer.Ordinal)],
            snapshot.RoleAssignments.Where(r => r.RoleId == StorageTableDataReader).Select(r => r.Scope).Order(StringComparer.Ordinal));
        Assert.All(snapshot.RoleAssignments.Where(r => r.RoleId == StorageTableDataReader), r => Assert.Equal((app, "ServicePrincipal"), (r.PrincipalId, r.PrincipalType)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void App_identity_writes_policies_only_when_allowed_and_only_the_policy_and_audit_tables(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var app = AppPrincipal(snapshot);
        var table = snapshot.Table(snapshot.Scenario.PolicyTable).Str("id");
        var audit = snapshot.Table(snapshot.Scenario.AuditTable).Str("id");
        var writes = snapshot.RoleAssignments.Where(r => r.PrincipalId == app && s_writeRoles.Contains(r.RoleId)).ToList();

        if (!snapshot.Scenario.AppWritesPolicies)
        {
            Assert.Empty(writes);
            return;
        }

        Assert.Equal(
            [new RoleAssignment(table!, StorageTableDataContributor, app, "ServicePrincipal"), new RoleAssignment(audit!, StorageTableDataContributor, app, "ServicePrincipal")],
            writes.OrderBy(w => w.Scope, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void App_identity_has_the_host_storage_and_telemetry_roles(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var app = AppPrincipal(snapshot);
        var account = snapshot.StorageAccount.Str("id");
        var appInsights = snapshot.Single("Microsoft.Insights/components").Str("id");

        Assert.Contains(new RoleAssignment(account!, StorageBlobDataOwner, app, "ServicePrincipal"), snapshot.RoleAssignments);
        Assert.Contains(new RoleAssignment(account!, StorageQueueDataContributor, app, "ServicePrincipal"), snapshot.RoleAssignments);
        Assert.Contains(new RoleAssignment(appInsights!, MonitoringMetricsPublisher, app, "ServicePrincipal"), snapshot.RoleAssignments);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Operator_gets_write_access_to_the_policy_and_audit_tables_only_when_given(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var table = snapshot.Table(snapshot.Scenario.PolicyTable).Str("id");
        var audit = snapshot.Table(snapshot.Scenario.AuditTable).Str("id");
        var others = snapshot.RoleAssignments.Where(r => r.PrincipalId != AppPrincipal(snapshot)).ToList();

        if (snapshot.Scenario.OperatorPrincipalId is null)
        {
            Assert.Empty(others);
            return;
        }

        Assert.Equal(
            [
                new RoleAssignment(table!, StorageTableDataContributor, snapshot.Scenario.OperatorPrincipalId, snapshot.Scenario.OperatorPrincipalType),
                new RoleAssignment(audit!, StorageTableDataContributor, snapshot.Scenario.OperatorPrincipalId, snapshot.Scenario.OperatorPrincipalType),
            ],
            others.OrderBy(o => o.Scope, StringComparer.Ordinal));
    }

    private static string AppPrincipal(Snapshot snapshot)
    {
        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Str("id");
        return $"[reference('{identity}', '2024-11-30').principalId]";
    }
}
