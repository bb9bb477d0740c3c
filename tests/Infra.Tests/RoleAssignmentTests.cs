using System.Text.Json.Nodes;
using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>
/// Who may do what, per scenario: the app reads policies and their history; only the operator (or, when allowed, the
/// app) writes them, and nobody the template names can change or delete an audit entry. Every role sits on the
/// narrowest resource that works.
/// </summary>
public sealed class RoleAssignmentTests
{
    private const string StorageTableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    // The resource group scripts/bicep.sh snapshots into.
    private const string ResourceGroupId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-corsfunctions-ci";

    public static TheoryData<string> Scenarios => Scenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void App_reads_both_tables_whatever_it_may_write(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var app = AppPrincipal(snapshot);
        var (policies, audit) = Tables(snapshot);

        Assert.Equal(
            new[] { new RoleAssignment(policies, StorageTableDataReader, app, "ServicePrincipal"), new RoleAssignment(audit, StorageTableDataReader, app, "ServicePrincipal") }.OrderBy(r => r.Scope, StringComparer.Ordinal),
            snapshot.RoleAssignments.Where(r => r.RoleId == StorageTableDataReader).OrderBy(r => r.Scope, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void App_writes_policies_only_when_allowed_and_appends_to_the_audit_table_only(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var app = AppPrincipal(snapshot);
        var (policies, audit) = Tables(snapshot);
        var writes = snapshot.RoleAssignments.Where(r => r.PrincipalId == app && IsOnPolicyStore(snapshot, r) && r.RoleId != StorageTableDataReader);

        RoleAssignment[] expected = snapshot.Scenario.AppWritesPolicies
            ? [new(policies, StorageTableDataContributor, app, "ServicePrincipal"), new(audit, AuditAppender(snapshot), app, "ServicePrincipal")]
            : [];
        Assert.Equal(expected.OrderBy(r => r.Scope, StringComparer.Ordinal), writes.OrderBy(r => r.Scope, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Operator_writes_policies_appends_to_the_audit_table_and_uploads_only_to_the_package_container(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var (policies, audit) = Tables(snapshot);
        var others = snapshot.RoleAssignments.Where(r => r.PrincipalId != AppPrincipal(snapshot)).OrderBy(r => r.Scope, StringComparer.Ordinal).ToList();
        var op = snapshot.Scenario.OperatorPrincipalId;
        if (op is null)
        {
            Assert.Empty(others);
            return;
        }

        var type = snapshot.Scenario.OperatorPrincipalType;
        List<RoleAssignment> expected = [new(policies, StorageTableDataContributor, op, type), new(audit, AuditAppender(snapshot), op, type)];
        if (snapshot.Scenario.RunsFromBlobPackage)
        {
            // Not the account: its azure-webjobs-secrets container holds the host's keys.
            expected.Add(new(snapshot.Single("Microsoft.Storage/storageAccounts/blobServices/containers").Str("id")!, StorageBlobDataContributor, op, type));
        }

        Assert.Equal(expected.OrderBy(r => r.Scope, StringComparer.Ordinal), others);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Audit_entries_can_be_read_and_added_by_the_principals_named_never_changed_or_deleted(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var (_, audit) = Tables(snapshot);
        var onAudit = snapshot.RoleAssignments.Where(r => r.Scope == audit || IsAbove(r.Scope, audit)).ToList();

        Assert.NotEmpty(onAudit);
        Assert.All(onAudit, r => Assert.Equal(audit, r.Scope));
        Assert.All(onAudit, r => Assert.Contains(r.RoleId, new[] { StorageTableDataReader, AuditAppender(snapshot) }));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Audit_appender_role_reads_and_adds_entities_and_nothing_else(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var role = snapshot.Single("Microsoft.Authorization/roleDefinitions")["properties"];
        var permission = Assert.Single(role?["permissions"] as JsonArray ?? []);

        Assert.Equal("CustomRole", role.Str("type"));
        Assert.Equal(["Microsoft.Storage/storageAccounts/tableServices/tables/read"], Strings(permission?["actions"]));
        Assert.Equal(
            ["Microsoft.Storage/storageAccounts/tableServices/tables/entities/add/action", "Microsoft.Storage/storageAccounts/tableServices/tables/entities/read"],
            Strings(permission?["dataActions"]).Order(StringComparer.Ordinal));
        Assert.Empty(Strings(permission?["notActions"]));
        Assert.Empty(Strings(permission?["notDataActions"]));
        Assert.Equal([ResourceGroupId], Strings(role?["assignableScopes"]));

        // Role names are unique per tenant: two deployments must not collide.
        Assert.Contains(snapshot.PolicyStorageAccount.Str("name")!, role.Str("roleName"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void App_has_the_host_storage_and_telemetry_roles_on_the_host_account_only(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var app = AppPrincipal(snapshot);
        var account = snapshot.HostStorageAccount.Str("id")!;
        var appInsights = snapshot.Single("Microsoft.Insights/components").Str("id")!;

        Assert.Equal(
            new[]
            {
                new RoleAssignment(appInsights, MonitoringMetricsPublisher, app, "ServicePrincipal"),
                new RoleAssignment(account, StorageBlobDataOwner, app, "ServicePrincipal"),
                new RoleAssignment(account, StorageQueueDataContributor, app, "ServicePrincipal"),
            }.OrderBy(r => r.RoleId, StringComparer.Ordinal),
            snapshot.RoleAssignments.Where(r => r.PrincipalId == app && !IsOnPolicyStore(snapshot, r)).OrderBy(r => r.RoleId, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void No_role_sits_on_the_policy_account_its_table_service_or_a_wider_scope(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var (policies, audit) = Tables(snapshot);
        var allowed = new[]
        {
            policies,
            audit,
            snapshot.HostStorageAccount.Str("id"),
            snapshot.Single("Microsoft.Insights/components").Str("id"),
        }.Concat(snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.Str("id")));

        Assert.All(snapshot.RoleAssignments, r => Assert.Contains(r.Scope, allowed));
    }

    [Fact]
    public void Turning_app_writes_off_leaves_every_other_assignment_under_its_name_and_drops_exactly_the_two_write_roles()
    {
        var writing = Snapshot.Load("p1v3-operator");
        var readOnly = Snapshot.Load("p1v3-readonly");
        var app = AppPrincipal(writing);
        var (policies, audit) = Tables(writing);

        var before = AssignmentsByName(writing);
        var after = AssignmentsByName(readOnly);

        // A name that stays names the same assignment (ARM cannot change the role of an existing one), and what a
        // deployment stack deletes on unmanage is exactly the app's write access.
        Assert.All(after, a => Assert.Equal(a.Value, before.GetValueOrDefault(a.Key)));
        Assert.Equal(
            new[] { new RoleAssignment(policies, StorageTableDataContributor, app, "ServicePrincipal"), new RoleAssignment(audit, AuditAppender(writing), app, "ServicePrincipal") }.OrderBy(r => r.Scope, StringComparer.Ordinal),
            before.Where(b => !after.ContainsKey(b.Key)).Select(b => b.Value).OrderBy(r => r.Scope, StringComparer.Ordinal));
    }

    private static Dictionary<string, RoleAssignment> AssignmentsByName(Snapshot snapshot) =>
        snapshot.OfType(Snapshot.RoleAssignmentType).ToDictionary(r => r.Str("name")!, RoleAssignment.From, StringComparer.Ordinal);

    private static (string Policies, string Audit) Tables(Snapshot snapshot) =>
        (snapshot.Table(snapshot.Scenario.PolicyTable).Str("id")!, snapshot.Table(snapshot.Scenario.AuditTable).Str("id")!);

    private static string AuditAppender(Snapshot snapshot) => snapshot.Single("Microsoft.Authorization/roleDefinitions").Str("name")!;

    private static bool IsOnPolicyStore(Snapshot snapshot, RoleAssignment assignment)
    {
        var account = snapshot.PolicyStorageAccount.Str("id")!;
        return assignment.Scope == account || assignment.Scope.StartsWith(account + "/", StringComparison.Ordinal);
    }

    // A resource group, the account or the table service holding the table.
    private static bool IsAbove(string scope, string resource) =>
        resource.StartsWith(scope + "/", StringComparison.Ordinal);

    private static List<string> Strings(JsonNode? array) =>
        (array as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? string.Empty).ToList();

    private static string AppPrincipal(Snapshot snapshot)
    {
        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Str("id");
        return $"[reference('{identity}', '2024-11-30').principalId]";
    }
}
