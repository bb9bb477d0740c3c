using System.Net;
using System.Text.Json;
using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

public sealed class ManagementFunctionsTests
{
    private const string Url = "https://app.example.net/api/cors-policies/items";

    private readonly Mock<IPolicyStore> _store = new();
    private readonly ManagementFunctions _functions;

    public ManagementFunctionsTests() => _functions = Functions(enabled: true);

    private ManagementFunctions Functions(bool enabled) => new(
        new PolicyManagementHandler(_store.Object, Mock.Of<IPolicySnapshotRefresher>(), NullLogger<PolicyManagementHandler>.Instance),
        new CorsCheckHandler(Mock.Of<IPolicySnapshotSource>(s => s.Current == PolicySnapshot.NotLoaded)),
        Options.Create(new CorsPolicyOptions { EnableManagementApi = enabled }));

    [Fact]
    public async Task While_the_management_API_is_off_every_function_answers_404_and_touches_no_store()
    {
        var functions = Functions(enabled: false);
        var policy = """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }""";

        HttpResponseData[] responses =
        [
            await functions.ListAsync(new FakeHttpRequestData("GET", "https://app.example.net/api/cors-policies"), CancellationToken.None),
            await functions.GetAsync(new FakeHttpRequestData("GET", Url), "items", CancellationToken.None),
            await functions.PutAsync(new FakeHttpRequestData("PUT", Url, body: policy), "items", CancellationToken.None),
            await functions.DeleteAsync(new FakeHttpRequestData("DELETE", Url), "items", CancellationToken.None),
            await functions.CheckAsync(new FakeHttpRequestData("POST", "https://app.example.net/api/cors-check", body: "{}"), CancellationToken.None),
        ];

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Contains("EnableManagementApi", ((FakeHttpResponseData)responses[2]).ReadBody(), StringComparison.Ordinal);
        Assert.Empty(_store.Invocations);
    }

    [Fact]
    public void Every_management_function_requires_a_function_key_and_never_accepts_options()
    {
        var triggers = typeof(ManagementFunctions).GetMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute), false).SingleOrDefault())
            .OfType<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>()
            .ToList();

        Assert.Equal(5, triggers.Count);
        Assert.All(triggers, t =>
        {
            Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Function, t.AuthLevel);
            Assert.NotEmpty(t.Methods!);
            Assert.DoesNotContain("options", t.Methods!, StringComparer.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Put_passes_if_match_and_answers_json_with_the_etag_header()
    {
        _store.Setup(s => s.SaveAsync(It.IsAny<CorsPolicyDefinition>(), new WriteCondition(new ETag("W/\"1\""), false), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WriteResult(WriteOutcome.Done, new ETag("W/\"2\"")));
        var request = new FakeHttpRequestData("PUT", Url, [new("If-Match", "W/\"1\"")],
            """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }""");

        var response = (FakeHttpResponseData)await _functions.PutAsync(request, "items", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = response.WireHeaders();
        Assert.Equal("W/\"2\"", headers["ETag"]);
        Assert.StartsWith("application/json", headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("items", JsonDocument.Parse(response.ReadBody()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Invalid_put_answers_problem_json()
    {
        var request = new FakeHttpRequestData("PUT", Url, body: """{ "routes": ["/api/items"], "allowedOrigins": [] }""");

        var response = (FakeHttpResponseData)await _functions.PutAsync(request, "items", CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ManagementResult.ProblemContentType, response.WireHeaders()["Content-Type"]);
        Assert.NotEmpty(JsonDocument.Parse(response.ReadBody()).RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Delete_answers_204_without_a_body()
    {
        _store.Setup(s => s.DeleteAsync("items", null, It.IsAny<CancellationToken>())).ReturnsAsync(new WriteResult(WriteOutcome.Done));

        var response = (FakeHttpResponseData)await _functions.DeleteAsync(new FakeHttpRequestData("DELETE", Url), "items", CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(response.ReadBody());
        Assert.False(response.WireHeaders().ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task Cors_check_reads_the_body_and_answers_json()
    {
        var request = new FakeHttpRequestData("POST", "https://app.example.net/api/cors-check",
            body: """{ "path": "/api/items", "origin": "https://trusted.example.com" }""");

        var response = (FakeHttpResponseData)await _functions.CheckAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NoPolicy", JsonDocument.Parse(response.ReadBody()).RootElement.GetProperty("actualRequest").GetProperty("reason").GetString());
    }
}
