namespace CorsFunctions.Infra.Tests.Support;

/// <summary>
/// One parameter set of infra/main.bicep (Scenarios/&lt;Name&gt;.bicepparam) and what the template
/// must produce for it. scripts/bicep.sh turns each into infra/bin/snapshots/&lt;Name&gt;.snapshot.json.
/// </summary>
public sealed record Scenario(
    string Name,
    string PlanSku,
    bool NeedsAccountKey,
    string PolicyTable = "CorsPolicies",
    string PolicySet = "default",
    string RefreshSeconds = "30",
    string? OperatorPrincipalId = null,
    string? OperatorPrincipalType = null,
    bool AppWritesPolicies = false,
    bool Workbook = true,
    bool SnapshotAgeAlert = true,
    bool InvalidPolicyAlert = true,
    bool RefusalSpikeAlert = true,
    int RefusalSpikeMinimum = 50,
    string? ActionGroupId = null,
    string AuditTable = "CorsPolicyAudit",
    string ManagementAuthorization = "AdminKey",
    string ManagementTenantId = "[tenant().tenantId]",
    bool PolicyStorageLock = true,
    bool PrivateEndpoint = false)
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        // Windows Consumption and Elastic Premium with the default Azure Files content share:
        // Azure Files has no identity-based access, so these are the only ones with a key.
        new("y1-azurefiles", "Y1", NeedsAccountKey: true),
        new("ep1-azurefiles", "EP1", NeedsAccountKey: true),
        // The same plans run from a package in blob storage: no Azure Files, no key.
        new("y1-blobpackage", "Y1", NeedsAccountKey: false),
        // An operator uploads the package (a blob role on its container only) and writes policies.
        new("ep2-blobpackage", "EP2", NeedsAccountKey: false, OperatorPrincipalId: "99999999-8888-7777-6666-555555555555", OperatorPrincipalType: "User"),
        // The policy store behind a private endpoint, the app on VNet integration.
        new("ep1-private", "EP1", NeedsAccountKey: false, PrivateEndpoint: true),
        // Dedicated plans have no content share at all (contentStorage is ignored).
        new("b1-dedicated", "B1", NeedsAccountKey: false),
        new("p1v3-operator", "P1v3", NeedsAccountKey: false, "OtherPolicies", "tenant-a", "120",
            "11111111-2222-3333-4444-555555555555", "Group", AppWritesPolicies: true, AuditTable: "OtherPolicyAudit", ManagementAuthorization: "EntraAppRole",
            ManagementTenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47"),
        // The same with appCanWritePolicies off: what a redeployment turning the right off must leave.
        new("p1v3-readonly", "P1v3", NeedsAccountKey: false, "OtherPolicies", "tenant-a", "120",
            "11111111-2222-3333-4444-555555555555", "Group", AuditTable: "OtherPolicyAudit", ManagementAuthorization: "EntraAppRole",
            ManagementTenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47"),
        // Observability is optional piece by piece: everything off but the refusal spike alert, which notifies a group.
        new("b1-quiet", "B1", NeedsAccountKey: false, Workbook: false, SnapshotAgeAlert: false, InvalidPolicyAlert: false,
            RefusalSpikeMinimum: 7, PolicyStorageLock: false, ActionGroupId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ops"),
    ];

    public static TheoryData<string> Names() => Names(static _ => true);

    /// <summary>The names of the scenarios <paramref name="where"/> holds for.</summary>
    public static TheoryData<string> Names(Func<Scenario, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var scenario in All.Where(where))
        {
            data.Add(scenario.Name);
        }

        return data;
    }

    public static Scenario Named(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"Unknown scenario '{name}'.", nameof(name));

    public bool IsDedicated => PlanSku != "Y1" && !PlanSku.StartsWith("EP", StringComparison.Ordinal);

    /// <summary>Y1 or EP without Azure Files: the app runs from the app-package container.</summary>
    public bool RunsFromBlobPackage => !NeedsAccountKey && !IsDedicated;

    public bool IsElasticPremium => PlanSku.StartsWith("EP", StringComparison.Ordinal);

    public override string ToString() => Name;
}
