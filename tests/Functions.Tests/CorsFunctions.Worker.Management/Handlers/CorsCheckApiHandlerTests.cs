using System.Text;
using System.Text.Json;
using CorsFunctions.Core.Routing;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Handlers;
using CorsFunctions.Worker.Policies;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

public sealed class CorsCheckApiHandlerTests
{
    private static async Task<(int Status, JsonElement Json)> CheckAsync(PolicySnapshot snapshot, string body)
    {
        var source = Mock.Of<IPolicySnapshotSource>(s => s.Current == snapshot);
        var result = await new CorsCheckApiHandler(source).CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
        return (result.Status, JsonSerializer.SerializeToElement(result.Body, result.Body!.GetType(), ManagementJson.Options));
    }

    private static PolicySnapshot Loaded(params Core.Policies.CorsPolicyDefinition[] definitions) =>
        new(PolicySet.Create(definitions), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Allowed_preflight_shows_the_policy_route_and_the_headers_that_would_be_sent()
    {
        var (status, json) = await CheckAsync(Loaded(TestPolicies.Items()), """
            { "path": "/api/items/42", "origin": "https://trusted.example.com", "method": "POST", "headers": ["X-Auth-Token"] }
            """);

        Assert.Equal(200, status);
        Assert.Equal("items", json.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("/api/items/*", json.GetProperty("policy").GetProperty("route").GetString());
        var preflight = json.GetProperty("preflight");
        Assert.True(preflight.GetProperty("allowed").GetBoolean());
        Assert.Equal("https://trusted.example.com", preflight.GetProperty("headers").GetProperty("Access-Control-Allow-Origin").GetString());
        Assert.True(json.GetProperty("actualRequest").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task A_report_only_policy_of_the_path_is_explained_beside_the_enforced_decision()
    {
        var reportOnly = TestPolicies.Items() with { Id = "items-next", Mode = Core.Policies.PolicyMode.ReportOnly, AllowedOrigins = ["https://new.example.com"] };

        var (_, json) = await CheckAsync(Loaded(TestPolicies.Items(), reportOnly), """
            { "path": "/api/items/42", "origin": "https://trusted.example.com", "method": "POST" }
            """);

        Assert.True(json.GetProperty("preflight").GetProperty("allowed").GetBoolean());
        var shadow = json.GetProperty("reportOnly");
        Assert.Equal("items-next", shadow.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("OriginNotAllowed", shadow.GetProperty("preflight").GetProperty("reason").GetString());
        Assert.False(shadow.GetProperty("actualRequest").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Without_a_report_only_policy_the_answer_has_no_report_only_member()
    {
        var (_, json) = await CheckAsync(Loaded(TestPolicies.Items()), """{ "path": "/api/items/42", "origin": "https://trusted.example.com" }""");

        Assert.False(json.TryGetProperty("reportOnly", out _));
    }

    [Fact]
    public async Task Refused_header_is_named_with_its_reason_and_only_vary_is_sent()
    {
        var (_, json) = await CheckAsync(Loaded(TestPolicies.Items()), """
            { "path": "/api/items", "origin": "https://trusted.example.com", "method": "POST", "headers": ["X-Other"] }
            """);

        var preflight = json.GetProperty("preflight");
        Assert.False(preflight.GetProperty("allowed").GetBoolean());
        Assert.Equal("HeaderNotAllowed", preflight.GetProperty("reason").GetString());
        Assert.Equal("x-other", preflight.GetProperty("detail").GetString(), ignoreCase: true);
        Assert.Equal(["Vary"], preflight.GetProperty("headers").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Path_without_policy_reports_no_policy_and_no_preflight_without_method()
    {
        var (_, json) = await CheckAsync(Loaded(TestPolicies.Items()), """{ "path": "/api/other", "origin": "https://trusted.example.com" }""");

        Assert.False(json.TryGetProperty("policy", out _));
        Assert.False(json.TryGetProperty("preflight", out _));
        Assert.Equal("NoPolicy", json.GetProperty("actualRequest").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Invalid_policy_is_shown_with_its_errors_and_refuses()
    {
        var (_, json) = await CheckAsync(Loaded(TestPolicies.Items() with { AllowedOrigins = ["https://trusted.example.com/"] }), """
            { "path": "/api/items", "origin": "https://trusted.example.com", "method": "GET" }
            """);

        Assert.False(json.GetProperty("policy").GetProperty("valid").GetBoolean());
        Assert.Equal("allowedOrigins", json.GetProperty("policy").GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("InvalidPolicy", json.GetProperty("preflight").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Snapshot_not_loaded_refuses_everything_and_says_so()
    {
        var (_, json) = await CheckAsync(PolicySnapshot.NotLoaded, """{ "path": "/api/items", "origin": "https://trusted.example.com", "method": "GET" }""");

        Assert.False(json.TryGetProperty("snapshotLoadedAt", out _));
        Assert.Equal("NoPolicy", json.GetProperty("preflight").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{ "origin": "https://trusted.example.com" }""")]
    [InlineData("""{ "path": "/api/items" }""")]
    [InlineData("not json")]
    public async Task Incomplete_or_malformed_request_answers_400(string body)
    {
        var (status, json) = await CheckAsync(PolicySnapshot.NotLoaded, body);

        Assert.Equal(400, status);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
    }
}
