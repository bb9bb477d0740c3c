using System.Text.Json.Nodes;

namespace CorsFunctions.Infra.Tests.Support;

/// <summary>
/// A `bicep snapshot` of main.bicep for one scenario: every resource the deployment would create,
/// with conditions, loops and parameters already evaluated. Values known only at deployment time
/// (reference(), listKeys()) stay ARM expressions in strings.
/// </summary>
internal sealed class Snapshot
{
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    private Snapshot(Scenario scenario, JsonNode root)
    {
        Scenario = scenario;
        Root = root;
        Resources = (root["predictedResources"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToList();
    }

    public Scenario Scenario { get; }

    public JsonNode Root { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    public JsonObject Outputs => Root["outputs"] as JsonObject ?? [];

    public static Snapshot Load(string scenarioName) =>
        new(Scenario.Named(scenarioName), RepoFiles.ReadCompiled(RepoFiles.Snapshot(scenarioName)));

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Str("type"), type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"{Scenario}: expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    public JsonObject Site => Single("Microsoft.Web/sites");

    /// <summary>The table named <paramref name="name"/> of the storage account.</summary>
    public JsonObject Table(string name)
    {
        var matches = OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Where(t => t.Str("name")!.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"{Scenario}: expected exactly one table {name}, found {matches.Count}.");
        return matches[0];
    }

    public JsonObject StorageAccount => Single("Microsoft.Storage/storageAccounts");

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
                Assert.True(settings.TryAdd(name, setting.Str("value") ?? string.Empty), $"{Scenario}: app setting {name} appears twice.");
            }

            return settings;
        }
    }

    /// <summary>Role assignments as (scope resource id, role definition guid, principal id, principal type).</summary>
    public IReadOnlyList<RoleAssignment> RoleAssignments =>
        OfType(RoleAssignmentType).Select(RoleAssignment.From).ToList();
}
