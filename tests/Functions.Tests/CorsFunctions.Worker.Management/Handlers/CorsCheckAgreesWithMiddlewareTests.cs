using System.Text;
using System.Text.Json;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Handlers;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>
/// cors-check takes the middleware's decision: for the same request and snapshot it reports the same outcome,
/// reason and exact header values the middleware writes; and a proposed policy is decided as if it were stored.
/// </summary>
public sealed class CorsCheckAgreesWithMiddlewareTests
{
    private static readonly CorsPolicyDefinition Items = CorsHarness.Items;

    private static async Task<JsonElement> CheckAsync(IPolicySnapshotSource snapshot, string body)
    {
        var result = await new CorsCheckApiHandler(snapshot).CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
        Assert.Equal(200, result.Status);
        return JsonSerializer.SerializeToElement(result.Body, result.Body!.GetType(), ManagementJson.Options);
    }

    private static Dictionary<string, string> MiddlewareHeaders(CorsHarness cors, FakeCorsRequest request, out bool allowed)
    {
        var decision = cors.Handler.Decide(request);
        var headers = new HttpHeadersCollection();
        var sink = new HttpHeadersSink(headers);
        Assert.True(cors.Handler.TryWrite(decision, ref sink, request));
        allowed = decision.Action == Worker.Middleware.CorsAction.AnswerPreflight ? decision.Preflight.IsAllowed : decision.ActualRequest.IsAllowed;
        return headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> Headers(JsonElement decision) =>
        decision.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("/api/items/42", "https://trusted.example.com", "PUT", "x-auth-token,content-type", false)]
    [InlineData("/api/items", "https://trusted.example.com", "PATCH", null, false)]
    [InlineData("/api/items", "https://evil.example.com", "PUT", null, false)]
    [InlineData("/api/items", "https://trusted.example.com", "PUT", "x-other", false)]
    [InlineData("/api/other", "https://trusted.example.com", "PUT", null, false)]
    [InlineData("/api/items", "https://trusted.example.com", "PATCH", null, true)]
    [InlineData("/api/items", "https://evil.example.com", "PUT", "x-other", true)]
    [InlineData("/api/items", "https://trusted.example.com", "PUT", "x-other", true)]
    public async Task Preflight_and_actual_request_answers_equal_the_middlewares(string path, string origin, string method, string? requestHeaders,
        bool debug)
    {
        var source = FixedSnapshotSource.Of(Items with { Debug = debug });
        using var cors = new CorsHarness(source);
        var preflightHeaders = new List<(string, string)> { ("Origin", origin), ("Access-Control-Request-Method", method) };
        if (requestHeaders is not null)
        {
            preflightHeaders.Add(("Access-Control-Request-Headers", requestHeaders));
        }

        var expectedPreflight = MiddlewareHeaders(cors, new FakeCorsRequest("OPTIONS", path, [.. preflightHeaders]), out var preflightAllowed);
        var expectedActual = MiddlewareHeaders(cors, new FakeCorsRequest(method, path, ("Origin", origin)), out var actualAllowed);
        var headerList = requestHeaders is null ? "" : $""", "headers": [{string.Join(",", requestHeaders.Split(',').Select(h => $"\"{h}\""))}]""";

        var json = await CheckAsync(source, $$"""{ "path": "{{path}}", "origin": "{{origin}}", "method": "{{method}}"{{headerList}} }""");

        Assert.Equal(preflightAllowed, json.GetProperty("preflight").GetProperty("allowed").GetBoolean());
        Assert.Equal(expectedPreflight, Headers(json.GetProperty("preflight")));
        Assert.Equal(debug && preflightAllowed is false && expectedPreflight.ContainsKey("Access-Control-Allow-Origin"),
            json.GetProperty("preflight").TryGetProperty("debugAnswer", out var debugAnswer) && debugAnswer.GetBoolean());
        Assert.Equal(actualAllowed, json.GetProperty("actualRequest").GetProperty("allowed").GetBoolean());
        Assert.Equal(expectedActual, Headers(json.GetProperty("actualRequest")));
    }

    [Fact]
    public async Task A_proposed_policy_is_decided_in_place_of_the_stored_one_without_changing_it()
    {
        var source = FixedSnapshotSource.Of(Items);
        var before = source.Current;

        var json = await CheckAsync(source, """
            { "path": "/api/items", "origin": "https://new.example.com", "method": "PUT",
              "policy": { "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://new.example.com"], "allowedMethods": ["PUT"] } }
            """);

        Assert.True(json.GetProperty("preflight").GetProperty("allowed").GetBoolean());
        Assert.True(json.GetProperty("policy").GetProperty("proposed").GetBoolean());
        Assert.Same(before, source.Current);
        Assert.False(source.Current.Policies.Resolve("/api/items").Policy!.EvaluateActualRequest("https://new.example.com").IsAllowed);
    }

    [Fact]
    public async Task An_invalid_proposed_policy_fails_closed_and_shows_its_errors()
    {
        var json = await CheckAsync(FixedSnapshotSource.Of(Items), """
            { "path": "/api/items", "origin": "https://trusted.example.com",
              "policy": { "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com/app"] } }
            """);

        Assert.Equal("InvalidPolicy", json.GetProperty("actualRequest").GetProperty("reason").GetString());
        Assert.False(json.GetProperty("policy").GetProperty("valid").GetBoolean());
        Assert.Equal(PolicyErrorCodes.OriginPathNotAllowed, json.GetProperty("policy").GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_proposed_policy_without_an_id_is_refused()
    {
        var result = await new CorsCheckApiHandler(FixedSnapshotSource.Of(Items)).CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "path": "/api/items", "origin": "https://trusted.example.com", "policy": { "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] } }
            """)), CancellationToken.None);

        Assert.Equal(400, result.Status);
    }
}
