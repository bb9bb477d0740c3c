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
