using System.Text.Json;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class CheckCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_allowed_preflight_from_the_table_is_exit_0_with_the_headers_the_app_would_send()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, .. table.Options]);

        var result = await Tool.RunAsync(["check", "--path", "/api/items/42", "--origin", "https://trusted.example.com", "--method", "PUT",
            "--header", "X-Auth-Token", "--header", "Content-Type", .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("policy: items (route /api/items/*)", result.Output, StringComparison.Ordinal);
        Assert.Contains("preflight PUT: allowed", result.Output, StringComparison.Ordinal);
        Assert.Contains("Access-Control-Allow-Origin: https://trusted.example.com", result.Output, StringComparison.Ordinal);
        Assert.Contains("Access-Control-Max-Age: 600", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.com", "PUT", "refused (OriginNotAllowed)")]
    [InlineData("https://trusted.example.com", "PATCH", "refused (MethodNotAllowed: PATCH)")]
    public async Task A_refused_preflight_from_a_file_is_exit_1_with_the_reason(string origin, string method, string expected)
    {
        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--path", "/api/items", "--origin", origin, "--method", method);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains($"preflight {method}: {expected}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_without_the_route_prefix_gets_the_prefixed_path_suggested()
    {
        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--path", "/items/7", "--origin", "https://trusted.example.com");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("actual request: refused (NoPolicy)", result.Output, StringComparison.Ordinal);
        Assert.Equal("note: no policy governs /items/7, which lacks the host's route prefix '/api' that every function is served under: " +
            "did you mean --path /api/items/7 (policy items governs it)?", result.Error.Trim());
    }

    [Theory]
    [InlineData("/api/other")]
    [InlineData("/API/other")]
    [InlineData("/api")]
    public async Task A_path_with_the_route_prefix_gets_no_suggestion(string path)
    {
        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--path", path, "--origin", "https://trusted.example.com");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Empty(result.Error);
    }

    private const string ItemsWithoutKeyHeader = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"], "allowedMethods": ["GET"], "maxAgeSeconds": 600 }""";
    private const string ItemsWithKeyHeader = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"], "allowedHeaders": ["x-functions-key"], "maxAgeSeconds": 600 }""";

    private async Task<CliResult> CheckWithAppAsync(string policy, string? authLevel, params string[] more)
    {
        var app = AppFolders.Create(_files.Folder, "api", ("ListItems", "items", "get", authLevel));
        return await Tool.RunAsync(["check", "--file", _files.WithPolicies(policy), "--path", "/api/items", "--origin", "https://a.example.com", "--app", app, .. more]);
    }

    [Theory]
    [InlineData("Function")]
    [InlineData(null)] // the host's default level
    public async Task A_function_that_needs_a_key_is_named_with_the_browser_symptom_and_the_header_the_policy_refuses(string? authLevel)
    {
        var result = await CheckWithAppAsync(ItemsWithoutKeyHeader, authLevel, "--method", "GET");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString()); // the decision itself is unchanged
        var note = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"note: ListItems (auth level {authLevel ?? "function"}) serves /api/items and needs a function key: " +
            "a request without it gets the host's 401 with no CORS header, which the browser reports only as \"Failed to fetch\".", note, StringComparison.Ordinal);
        Assert.Contains("policy items refuses that header in a preflight: add x-functions-key to its allowedHeaders", note, StringComparison.Ordinal);
        Assert.EndsWith("(docs/troubleshooting.md#function-keys).", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_that_lets_the_key_header_through_is_said_to()
    {
        var result = await CheckWithAppAsync(ItemsWithKeyHeader, "Function");

        Assert.Contains("in the x-functions-key header; policy items allows that header (", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anonymous", "GET")]
    [InlineData("Function", "PUT")] // no function of that method serves the path
    public async Task No_key_note_when_no_function_serving_the_request_needs_one(string authLevel, string method)
    {
        var result = await CheckWithAppAsync(ItemsWithKeyHeader, authLevel, "--method", method);

        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task The_route_prefix_of_the_app_is_the_one_suggested()
    {
        var app = AppFolders.Create(_files.Folder, "v1", ("ListItems", "items", "get", "Anonymous"));

        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--path", "/items", "--origin", "https://trusted.example.com", "--app", app);

        Assert.Contains("lacks the host's route prefix '/v1' that every function is served under: did you mean --path /v1/items?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_no_policy_governs_is_refused()
    {
        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--path", "/api/other", "--origin", "https://trusted.example.com");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("policy: none governs this path", result.Output, StringComparison.Ordinal);
        Assert.Contains("actual request: refused (NoPolicy)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_only_policy_is_shown_beside_the_enforced_answer_which_decides_the_exit_code()
    {
        var file = _files.WithPolicies(
            """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com", "https://b.example.com"] }""",
            """{ "id": "items-next", "mode": "reportOnly", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""");

        var result = await Tool.RunAsync("check", "--file", file, "--path", "/api/items", "--origin", "https://b.example.com", "--method", "GET");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("report-only policy (logged and counted, never sent): items-next", result.Output, StringComparison.Ordinal);
        Assert.Contains("  would answer preflight GET: refused (OriginNotAllowed)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_in_debug_mode_is_named_so_and_its_refused_header_is_shown_answered_with_the_lists_but_refused()
    {
        var file = _files.WithPolicies(
            """{ "id": "items", "debug": true, "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"], "allowedHeaders": ["X-Auth-Token"] }""");

        var result = await Tool.RunAsync("check", "--file", file, "--path", "/api/items", "--origin", "https://a.example.com", "--method", "GET",
            "--header", "X-Trace-Id");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("policy: items (route /api/items), debug mode on", result.Output, StringComparison.Ordinal);
        Assert.Contains("preflight GET: refused (HeaderNotAllowed: X-Trace-Id), answered 204 with the policy's lists (debug mode)", result.Output,
            StringComparison.Ordinal);
        Assert.Contains("Access-Control-Allow-Headers: X-Auth-Token", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_answer_marks_the_policy_and_the_preflight_in_debug_mode()
    {
        var file = _files.WithPolicies(
            """{ "id": "items", "debug": true, "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""");

        var result = await Tool.RunAsync("check", "--json", "--file", file, "--path", "/api/items", "--origin", "https://a.example.com",
            "--method", "DELETE");

        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.True(json.GetProperty("policy").GetProperty("debug").GetBoolean());
        Assert.True(json.GetProperty("preflight").GetProperty("debugAnswer").GetBoolean());
        Assert.False(json.GetProperty("preflight").GetProperty("allowed").GetBoolean());
        Assert.False(json.GetProperty("actualRequest").TryGetProperty("debugAnswer", out _));
    }

    [Fact]
    public async Task Json_is_the_cors_check_answer()
    {
        var result = await Tool.RunAsync("check", "--json", "--file", PolicyFiles.Samples, "--path", "/api/public/x", "--origin", "https://any.example.com");

        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("public-read", json.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("*", json.GetProperty("actualRequest").GetProperty("headers").GetProperty("Access-Control-Allow-Origin").GetString());
    }

    [Fact]
    public async Task Path_and_origin_are_required()
    {
        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--path", "/api/items");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--origin", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_and_a_table_together_are_a_usage_error()
    {
        var result = await Tool.RunAsync("check", "--file", PolicyFiles.Samples, "--connection-string", "UseDevelopmentStorage=true",
            "--path", "/api/items", "--origin", "https://trusted.example.com");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("either --file or a table", result.Error, StringComparison.Ordinal);
    }
}
