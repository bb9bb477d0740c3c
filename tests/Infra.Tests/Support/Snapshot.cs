using System.Text.Json.Nodes;

namespace CorsFunctions.Infra.Tests.Support;

/// <summary>
/// A `bicep snapshot` of main.bicep for one scenario, or of a caller template of the policy-store module: every
/// resource the deployment would create, with conditions, loops and parameters already evaluated. Values known
/// only at deployment time (reference(), listKeys()) stay ARM expressions in strings.
/// </summary>
internal sealed class Snapshot
{
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    public const string StorageAccountType = "Microsoft.Storage/storageAccounts";
    public const string TableType = "Microsoft.Storage/storageAccounts/tableServices/tables";

    private readonly Scenario? _scenario;

    private Snapshot(string label, Scenario? scenario, JsonNode root)
    {
        Label = label;
        _scenario = scenario;
        Root = root;
        Resources = (root["predictedResources"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToList();
    }

    /// <summary>The scenario (or caller) name, for messages.</summary>
    public string Label { get; }

    public Scenario Scenario => _scenario ?? throw new InvalidOperationException($"{Label} is a caller template, not a scenario of main.bicep.");

    public JsonNode Root { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    public JsonObject Outputs => Root["outputs"] as JsonObject ?? [];

    public static Snapshot Load(string scenarioName) =>
        new(scenarioName, Scenario.Named(scenarioName), RepoFiles.ReadCompiled(RepoFiles.Snapshot(scenarioName)));

    /// <summary>The snapshot of tests/Infra.Tests/Callers/<paramref name="callerName"/>.bicepparam.</summary>
    public static Snapshot LoadCaller(string callerName) =>
        new(callerName, null, RepoFiles.ReadCompiled(RepoFiles.CallerSnapshot(callerName)));

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Str("type"), type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"{Label}: expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    public JsonObject Site => Single("Microsoft.Web/sites");

    /// <summary>The table named <paramref name="name"/>.</summary>
    public JsonObject Table(string name)
    {
        var matches = OfType(TableType).Where(t => t.Str("name")!.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"{Label}: expected exactly one table {name}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The account that holds the tables (the policy store).</summary>
    public JsonObject PolicyStorageAccount
    {
        get
        {
            var owners = OfType(TableType).Select(t => t.Str("name")!.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
            var owner = Assert.Single(owners);
            return OfType(StorageAccountType).Single(a => a.Str("name") == owner);
        }
    }

    /// <summary>The Functions host's account: every storage account but the policy store's.</summary>
    public JsonObject HostStorageAccount
    {
        get
        {
            var policyStore = PolicyStorageAccount.Str("name");
            var others = OfType(StorageAccountType).Where(a => a.Str("name") != policyStore).ToList();
            Assert.True(others.Count == 1, $"{Label}: expected one host storage account besides the policy store, found {others.Count}.");
            return others[0];
        }
    }

    /// <summary>App settings of the function app by name (duplicates fail).</summary>
    public IReadOnlyDictionary<string, string> AppSettings
    {
        get
        {
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = Site["properties"]?["siteConfig"]?["appSettings"] as JsonArray ?? [];
            foreach (var setting in list)
            {
                var name = setting.Str("name") ?? throw new InvalidDataException("App setting without a name.");
                Assert.True(settings.TryAdd(name, setting.Str("value") ?? string.Empty), $"{Label}: app setting {name} appears twice.");
            }

            return settings;
        }
    }

    /// <summary>Role assignments as (scope resource id, role definition guid, principal id, principal type).</summary>
    public IReadOnlyList<RoleAssignment> RoleAssignments =>
        OfType(RoleAssignmentType).Select(RoleAssignment.From).ToList();
}
