using System.Net;
using System.Text.Json;
using Azure;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

public sealed class ManagementFunctionsTests
{
    private const string Url = "https://app.example.net/api/cors-policies/items";
    private const string Policy = """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }""";

    private readonly ManagementHarness _api = new();
    private readonly FunctionContext _context = ManagementHarness.Context("CorsPolicyPut");

    /// <summary>A request with the master key's identity; a PUT or POST declares its JSON body, as a client of the API does.</summary>
    private static FakeHttpRequestData Request(string method, string url, string? body = null, params KeyValuePair<string, string>[] headers) =>
        ManagementHarness.AdminRequest(method, url, body, headers);

    /// <summary>The content types a form or a fetch without preflight can send to another site (none included).</summary>
    private static readonly string?[] SimpleContentTypes =
    [
        "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x", null,
        "text/plain; x=application/json", "application/json, text/plain", "application/jsonp",
    ];

    private static readonly string[] Writes = ["put", "dry-run", "rollback"];

    public static TheoryData<string, string?> WritesWithSimpleContentTypes()
    {
        var data = new TheoryData<string, string?>();
        foreach (var write in Writes)
        {
            foreach (var contentType in SimpleContentTypes)
            {
                data.Add(write, contentType);
            }
        }

        return data;
    }

    /// <summary>Sends one kind of write (<see cref="Writes"/>) with the master key and <paramref name="contentType"/> (null: none).</summary>
    private Task<HttpResponseData> SendWriteAsync(string write, string? contentType)
    {
        KeyValuePair<string, string>[] headers = contentType is null ? [] : [new("Content-Type", contentType)];
        var (method, url, body) = write switch
        {
            "put" => ("PUT", Url, Policy),
            "dry-run" => ("PUT", Url + "?dryRun=true", Policy),
            _ => ("POST", Url + "/rollback?version=1", ""),
        };
        var request = new FakeHttpRequestData(method, url, headers, body) { IdentitiesFromHost = [ManagementHarness.HostKey()] };
        return method == "PUT"
            ? _api.Functions.PutAsync(request, "items", _context, CancellationToken.None)
            : _api.Functions.RollbackAsync(request, "items", _context, CancellationToken.None);
    }

    private static JsonElement Body(HttpResponseData response) => ManagementHarness.Body(response);

    [Fact]
    public async Task While_the_management_API_is_off_every_function_answers_404_and_touches_no_store()
    {
        // Through the seven trigger declarations, each handing its call to the API the app registered.
        var functions = new ManagementHarness(new CorsManagementOptions { EnableManagementApi = false });
        await using var services = new ServiceCollection().AddSingleton(functions.Functions).BuildServiceProvider();
        var context = Mock.Of<FunctionContext>(c => c.InvocationId == "inv-1" && c.FunctionDefinition == _context.FunctionDefinition && c.InstanceServices == services);

        HttpResponseData[] responses =
        [
            await ManagementFunctions.ListAsync(Request("GET", "https://app.example.net/api/cors-policies"), context, CancellationToken.None),
            await ManagementFunctions.GetAsync(Request("GET", Url), "items", context, CancellationToken.None),
            await ManagementFunctions.PutAsync(Request("PUT", Url, Policy), "items", context, CancellationToken.None),
            await ManagementFunctions.DeleteAsync(Request("DELETE", Url), "items", context, CancellationToken.None),
            await ManagementFunctions.HistoryAsync(Request("GET", Url + "/history"), "items", context, CancellationToken.None),
            await ManagementFunctions.RollbackAsync(Request("POST", Url + "/rollback?version=1"), "items", context, CancellationToken.None),
            await ManagementFunctions.CheckAsync(Request("POST", "https://app.example.net/api/cors-check", "{}"), context, CancellationToken.None),
        ];

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Contains("EnableManagementApi", ((FakeHttpResponseData)responses[2]).ReadBody(), StringComparison.Ordinal);
        Assert.Equal(0, functions.Store.Writes);
        Assert.Empty(functions.Audit.Entries);
    }

    [Fact]
    public void Every_management_function_requires_the_admin_key_and_never_accepts_options()
    {
        var triggers = typeof(ManagementFunctions).GetMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes(typeof(HttpTriggerAttribute), false).SingleOrDefault())
            .OfType<HttpTriggerAttribute>()
            .ToList();

        Assert.Equal(7, triggers.Count);
        Assert.All(triggers, t =>
        {
            Assert.Equal(AuthorizationLevel.Admin, t.AuthLevel);
            Assert.NotEmpty(t.Methods!);
            Assert.DoesNotContain("options", t.Methods!, StringComparer.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Put_passes_if_match_and_answers_json_with_the_etag_header_and_records_the_key_name()
    {
        var etag = _api.Store.Seed(TestPolicies.Items()).ETag.ToString();

        var response = (FakeHttpResponseData)await _api.Functions.PutAsync(Request("PUT", Url, Policy, new KeyValuePair<string, string>("If-Match", etag)), "items", _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = response.WireHeaders();
        Assert.Equal(_api.Store.Rows["items"].ETag.ToString(), headers["ETag"]);
        Assert.StartsWith("application/json", headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("items", Body(response).GetProperty("id").GetString());
        var entry = Assert.Single(_api.Audit.Entries);
        Assert.Equal(("key", "master", "api"), (entry.Writer.Kind, entry.Writer.Name, entry.Writer.Source));
        Assert.Equal(etag, entry.BeforeETag);
    }

    [Fact]
    public async Task A_caller_that_goes_away_gets_an_answer_written_instead_of_an_exception_at_the_host()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        _api.Store.Failure = new OperationCanceledException(caller.Token);

        var response = await _api.Functions.GetAsync(Request("GET", Url), "items", ManagementHarness.Context("CorsPolicyGet"), caller.Token);

        Assert.Equal((HttpStatusCode)503, response.StatusCode);
        Assert.Equal("urn:corsfunctions:problem:request-cancelled", ManagementHarness.Body(response).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_put_answers_problem_json()
    {
        var response = (FakeHttpResponseData)await _api.Functions.PutAsync(
            Request("PUT", Url, """{ "routes": ["/api/items"], "allowedOrigins": [] }"""), "items", _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ManagementResult.ProblemContentType, response.WireHeaders()["Content-Type"]);
        Assert.Equal(ManagementProblems.TypePrefix + "invalid-policy", Body(response).GetProperty("type").GetString());
        Assert.NotEmpty(Body(response).GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(WritesWithSimpleContentTypes))]
    public async Task A_write_a_cross_site_simple_request_could_send_is_refused_415_before_any_store_call(string write, string? contentType)
    {
        _api.Store.Failure = new InvalidOperationException("the store must not be called"); // it would answer 500

        var response = (FakeHttpResponseData)await SendWriteAsync(write, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ManagementProblems.TypePrefix + "unsupported-media-type", Body(response).GetProperty("type").GetString());
        Assert.Contains("Content-Type: application/json", Body(response).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _api.Store.Writes);
        Assert.Empty(_api.Audit.Entries);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task Every_write_declaring_JSON_is_accepted(string contentType)
    {
        var put = await SendWriteAsync("put", contentType);
        var dryRun = await SendWriteAsync("dry-run", contentType);
        var rollback = await SendWriteAsync("rollback", contentType);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { put.StatusCode, dryRun.StatusCode, rollback.StatusCode });
        Assert.Equal(2, _api.Audit.Entries.Count); // the put and the rollback; a dry run writes nothing
    }

    [Fact]
    public async Task Delete_needs_no_content_type_since_no_browser_sends_it_to_another_site_without_a_preflight()
    {
        _api.Store.Seed(TestPolicies.Items());
        var request = new FakeHttpRequestData("DELETE", Url) { IdentitiesFromHost = [ManagementHarness.HostKey()] };

        var response = await _api.Functions.DeleteAsync(request, "items", _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_answers_204_without_a_body()
    {
        _api.Store.Seed(TestPolicies.Items());

        var response = (FakeHttpResponseData)await _api.Functions.DeleteAsync(Request("DELETE", Url), "items", _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(response.ReadBody());
        Assert.False(response.WireHeaders().ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task Cors_check_reads_the_body_and_answers_json()
    {
        var response = await _api.Functions.CheckAsync(
            Request("POST", "https://app.example.net/api/cors-check", """{ "path": "/api/items", "origin": "https://trusted.example.com" }"""), _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NoPolicy", Body(response).GetProperty("actualRequest").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    public async Task Dry_run_flag_other_than_true_or_false_is_refused(string value)
    {
        var response = await _api.Functions.PutAsync(Request("PUT", $"{Url}?dryRun={value}", Policy), "items", _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _api.Store.Writes);
    }

    [Fact]
    public async Task Dry_run_put_writes_nothing_and_says_it_would_create()
    {
        var response = await _api.Functions.PutAsync(Request("PUT", $"{Url}?dryRun=true", Policy), "items", _context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Body(response).GetProperty("dryRun").GetBoolean());
        Assert.True(Body(response).GetProperty("wouldCreate").GetBoolean());
        Assert.Empty(_api.Store.Rows);
        Assert.Empty(_api.Audit.Entries);
    }

    public static TheoryData<Exception, int, string> StoreFailures => new()
    {
        { new RequestFailedException(403, "This request is not authorized to perform this operation using this permission.", "AuthorizationPermissionMismatch", null), 500, "store-forbidden" },
        { new RequestFailedException(404, "The table specified does not exist.", "TableNotFound", null), 500, "store-table-missing" },
        { new RequestFailedException(429, "Too many requests"), 503, "store-unavailable" },
        { new RequestFailedException(503, "Server busy", "ServerBusy", null), 503, "store-unavailable" },
        { new RequestFailedException(500, "Operation timed out", "OperationTimedOut", null), 503, "store-unavailable" },
        { new RequestFailedException("No such host is known."), 503, "store-unavailable" },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."), 503, "store-unavailable" },
        { new TimeoutException(), 503, "store-unavailable" },
        { new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential authentication unavailable."), 500, "store-credential-unavailable" },
        { new InvalidOperationException("a bug"), 500, "internal-error" },
    };

    [Theory]
    [MemberData(nameof(StoreFailures))]
    public async Task Every_store_failure_is_a_problem_answer_and_nothing_is_written(Exception failure, int status, string type)
    {
        _api.Store.Failure = failure;

        var response = (FakeHttpResponseData)await _api.Functions.PutAsync(Request("PUT", Url, Policy), "items", _context, CancellationToken.None);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(ManagementResult.ProblemContentType, response.WireHeaders()["Content-Type"]);
        Assert.Equal(ManagementProblems.TypePrefix + type, Body(response).GetProperty("type").GetString());
        Assert.Equal(status == 503, response.WireHeaders().TryGetValue("Retry-After", out var retryAfter));
        if (status == 503)
        {
            Assert.Equal("5", retryAfter);
        }

        Assert.Equal(0, _api.Store.Writes);
        Assert.Empty(_api.Audit.Entries);
    }

    [Theory]
    [InlineData(403, "AuthorizationPermissionMismatch", "store-forbidden")]
    [InlineData(404, "TableNotFound", "store-table-missing")]
    [InlineData(503, "ServerBusy", "store-unavailable")]
    public async Task A_store_failure_names_the_table_it_happened_on_in_the_detail_and_in_table(int status, string code, string type)
    {
        _api.Store.Failure = TableStoreException.On("CorsPolicyAudit", new RequestFailedException(status, "failed", code, null));

        var response = await _api.Functions.HistoryAsync(Request("GET", Url + "/history"), "items", _context, CancellationToken.None);

        Assert.Equal(ManagementProblems.TypePrefix + type, Body(response).GetProperty("type").GetString());
        Assert.Equal("CorsPolicyAudit", Body(response).GetProperty("table").GetString());
        Assert.Contains("table 'CorsPolicyAudit'", Body(response).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_403_says_how_to_grant_the_app_write_access()
    {
        _api.Store.Failure = new RequestFailedException(403, "forbidden", "AuthorizationPermissionMismatch", null);

        var response = await _api.Functions.DeleteAsync(Request("DELETE", Url), "items", _context, CancellationToken.None);

        var detail = Body(response).GetProperty("detail").GetString()!;
        Assert.Contains("appCanWritePolicies=true", detail, StringComparison.Ordinal);
        Assert.Contains("Storage Table Data Contributor", detail, StringComparison.Ordinal);
        Assert.Contains("'CorsFunctions audit appender' on the audit table", detail, StringComparison.Ordinal);
    }
}
