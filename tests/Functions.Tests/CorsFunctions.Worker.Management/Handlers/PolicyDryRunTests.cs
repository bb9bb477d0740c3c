using System.Text;
using System.Text.Json;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Http;

namespace CorsFunctions.Functions.Tests.Management;

public sealed class PolicyDryRunTests
{
    private readonly ManagementHarness _api = new();

    private static JsonElement Json(ManagementResult result) => JsonSerializer.SerializeToElement(result.Body, result.Body!.GetType(), ManagementJson.Options);

    private Task<ManagementResult> DryRunAsync(string id, string body) =>
        _api.Handler.PutAsync(id, new MemoryStream(Encoding.UTF8.GetBytes(body)), null, null, true, ManagementHarness.Admin, CancellationToken.None);

    private static IEnumerable<(string? Route, string? From, string? To)> Changes(JsonElement changes) =>
        changes.EnumerateArray().Select(c => (c.GetProperty("route").GetString(), Text(c, "from"), Text(c, "to")));

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    [Fact]
    public async Task Dry_run_says_which_routes_change_owner_and_writes_nothing()
    {
        var current = _api.Store.Seed(TestPolicies.Items("items", "/api/items", "/api/items/*"));
        _api.Store.Seed(TestPolicies.Items("public", "/api/public/**"));

        var result = await DryRunAsync("aaa", """{ "routes": ["/api/items/*", "/api/reports"], "allowedOrigins": ["https://trusted.example.com"] }""");

        Assert.Equal(200, result.Status);
        var json = Json(result);
        Assert.True(json.GetProperty("wouldCreate").GetBoolean());
        // "aaa" sorts before "items", so it takes /api/items/* over; /api/reports is new.
        Assert.Equal([("/api/items/*", "items", "aaa"), ("/api/reports", null, "aaa")], Changes(json.GetProperty("routeChanges")));
        Assert.Equal(2, _api.Store.Rows.Count);
        Assert.Equal(current.ETag, _api.Store.Rows["items"].ETag);
        Assert.Empty(_api.Audit.Entries);
    }

    [Fact]
    public async Task Dry_run_and_write_refuse_a_route_holding_the_list_separator_alike()
    {
        const string body = """{ "routes": ["/api/items,/**"], "allowedOrigins": ["https://trusted.example.com"], "allowCredentials": true }""";

        var dryRun = await DryRunAsync("items", body);
        var write = await _api.Handler.PutAsync("items", new MemoryStream(Encoding.UTF8.GetBytes(body)), null, null, false, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal((400, 400), (dryRun.Status, write.Status));
        Assert.All(new[] { dryRun, write }, result =>
            Assert.Equal(["route.invalid_character"], Json(result).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString())));
        Assert.Empty(_api.Store.Rows);
    }

    [Fact]
    public async Task Dry_run_of_a_replacement_reports_the_current_etag_and_the_routes_it_gives_up()
    {
        var current = _api.Store.Seed(TestPolicies.Items("items", "/api/items", "/api/items/*"));

        var json = Json(await DryRunAsync("items", """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }"""));

        Assert.False(json.GetProperty("wouldCreate").GetBoolean());
        Assert.Equal(current.ETag.ToString(), json.GetProperty("currentETag").GetString());
        Assert.Equal([("/api/items/*", "items", null)], Changes(json.GetProperty("routeChanges")));
    }

    [Fact]
    public async Task Dry_run_of_an_invalid_policy_reports_every_error_and_the_routes_it_would_take()
    {
        var result = await DryRunAsync("items", """{ "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com/path", "*"], "allowCredentials": true }""");

        Assert.Equal(400, result.Status);
        var json = Json(result);
        Assert.Equal(ManagementProblems.TypePrefix + "invalid-policy", json.GetProperty("type").GetString());
        Assert.Equal(3, json.GetProperty("errors").GetArrayLength());
        Assert.Equal([("/api/items", null, "items")], Changes(json.GetProperty("routeChanges")));
        Assert.Empty(_api.Store.Rows);
    }
}
