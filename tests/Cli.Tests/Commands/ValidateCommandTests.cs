using Azure.Data.Tables;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class ValidateCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Validates a file of <paramref name="policies"/>: the run, and each line of its standard error as written.</summary>
    private async Task<(CliResult Result, string[] Errors)> ValidateAsync(params string[] policies)
    {
        var result = await Tool.RunAsync("validate", "--file", _files.WithPolicies(policies));
        return (result, result.Error.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task The_sample_file_is_valid()
    {
        var result = await Tool.RunAsync("validate", "--file", PolicyFiles.Samples);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("policies.json: 2 policies, all valid.", result.Output.Trim());
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Every_error_of_every_policy_is_listed_with_its_code_and_the_exit_code_is_1()
    {
        var file = _files.WithPolicies(
            """{ "id": "a", "routes": ["/api/a"], "allowedOrigins": ["https://a.example.com/app", "https://*.co.uk"], "allowedMethods": ["TRACE"] }""",
            """{ "id": "b", "routes": ["api/b"], "allowedOrigins": ["https://b.example.com"] }""",
            """{ "id": "ok", "routes": ["/api/ok"], "allowedOrigins": ["https://ok.example.com"], "maxAgeSeconds": 600 }""");

        var result = await Tool.RunAsync("validate", "--file", file);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("policy 'a': 3 errors", result.Error, StringComparison.Ordinal);
        Assert.Contains("policy 'b': 1 error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("policy 'ok'", result.Error, StringComparison.Ordinal);
        foreach (var code in new[] { PolicyErrorCodes.OriginPathNotAllowed, PolicyErrorCodes.OriginWildcardOnPublicSuffix, PolicyErrorCodes.MethodForbidden, PolicyErrorCodes.RouteNotAbsolute })
        {
            Assert.Contains($"[{code}]", result.Error, StringComparison.Ordinal);
        }

        Assert.EndsWith("2 of 3 policies invalid.", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_given_twice_is_an_error_of_that_id()
    {
        var policy = """{ "id": "a", "routes": ["/api/a"], "allowedOrigins": ["https://a.example.com"] }""";

        var result = await Tool.RunAsync("validate", "--file", _files.WithPolicies(policy, policy));

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains($"[{PolicyErrorCodes.IdDuplicate}]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_entry_of_an_id_given_twice_is_reported_with_its_own_errors_and_where_it_is()
    {
        var (result, lines) = await ValidateAsync(
            """{ "id": "a", "routes": ["/api/a"], "allowedOrigins": ["https://a.example.com"] }""",
            """{ "id": "b", "routes": ["/api/b"], "allowedOrigins": ["https://b.example.com"] }""",
            """{ "id": "a", "routes": ["/api/a2"], "allowedOrigins": ["https://a.example.com/"], "allowedMethods": ["TRACE"] }""");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Equal("policy 'a' ($.policies[0]): 1 error", lines[0]);
        Assert.EndsWith($"[{PolicyErrorCodes.IdDuplicate}]", lines[1], StringComparison.Ordinal);
        Assert.Equal("policy 'a' ($.policies[2]): 3 errors", lines[2]);
        Assert.EndsWith($"[{PolicyErrorCodes.OriginTrailingSlash}]", lines[3], StringComparison.Ordinal);
        Assert.EndsWith($"[{PolicyErrorCodes.MethodForbidden}]", lines[4], StringComparison.Ordinal);
        Assert.EndsWith($"[{PolicyErrorCodes.IdDuplicate}]", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("warning: policy 'b': MaxAgeSeconds: ", lines[6], StringComparison.Ordinal); // the valid entry's lint warning
        Assert.Equal(7, lines.Length);
        Assert.EndsWith("2 of 3 policies invalid (1 lint warning).", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not a policy file")]
    [InlineData("""{ "policies": [ { "id": "a", "allowedOrigin": ["https://a.example.com"] } ] }""", "allowedOrigin")]
    [InlineData("""{ "policies": [ { "id": "a", "maxAgeSeconds": "abc" } ] }""", "maxAgeSeconds")]
    [InlineData("""{ "policies": [ { "id": "a", "allowCredentials": "yes" } ] }""", "allowCredentials")]
    [InlineData("""{ "policies": [ { "id": "a", "mode": "audit" } ] }""", "mode")]
    [InlineData("""{ "policies": [ null ] }""", "$.policies[0] must be an object")]
    [InlineData("""{ "policies": null }""", "$.policies is missing")]
    [InlineData("{}", "$.policies is missing")]
    [InlineData("""{ "items": [] }""", "items")]
    [InlineData("[]", "not a policy file")]
    public async Task A_malformed_file_is_a_clear_usage_error_naming_what_is_wrong(string json, string named)
    {
        var result = await Tool.RunAsync("validate", "--file", _files.Write(json));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("corsfunctions validate: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Every_json_error_of_a_file_is_listed_on_its_own_line_with_its_path()
    {
        var (result, lines) = await ValidateAsync(
            """{ "id": "a", "routes": "/api/a", "maxAgeSeconds": "abc" }""",
            """{ "id": "b", "origns": ["https://b.example.com"], "allowCredentials": "yes" }""");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Matches(@"^corsfunctions validate: \S+\.json: not a policy file \(4 errors\):$", lines[0]);
        Assert.Equal("  $.policies[0].routes must be an array of strings", lines[1]);
        Assert.Equal("  $.policies[0].maxAgeSeconds must be a whole number from -2147483648 to 2147483647", lines[2]);
        Assert.StartsWith("  $.policies[1].origns is not a known member; the members are id, ", lines[3], StringComparison.Ordinal);
        Assert.Equal("  $.policies[1].allowCredentials must be true or false", lines[4]);
        Assert.StartsWith("Expected { \"policies\": [", lines[5], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await Tool.RunAsync("validate", "--file", Path.Combine(_files.Folder, "nope.json"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("cannot be read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rows_of_a_table_are_validated_as_the_app_reads_them()
    {
        var table = CliTable.New(azurite);
        await table.Client.CreateAsync();
        await table.Client.AddEntityAsync(new TableEntity(CliTable.PolicySet, "garbage")
        {
            ["Routes"] = "/api/garbage", ["AllowedOrigins"] = "https://g.example.com", ["MaxAgeSeconds"] = "abc", ["Mode"] = "audit",
        });
        await table.Client.AddEntityAsync(new TableEntity(CliTable.PolicySet, "fine") { ["Routes"] = "/api/fine", ["AllowedOrigins"] = "https://f.example.com" });

        var result = await Tool.RunAsync(["validate", .. table.Options]);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("policy 'garbage': 2 errors", result.Error, StringComparison.Ordinal);
        Assert.Contains($"[{PolicyErrorCodes.StoredWrongType}]", result.Error, StringComparison.Ordinal);
        Assert.Contains($"[{PolicyErrorCodes.ModeInvalid}]", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 of 2 policies invalid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_that_does_not_exist_is_a_store_error_that_says_so()
    {
        var result = await Tool.RunAsync(["validate", .. CliTable.New(azurite).Options]);

        Assert.Equal(ExitCodes.StoreFailed, result.ExitCode);
        Assert.Contains("the table does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_conflicts_within_one_mode_are_warned_about()
    {
        var file = _files.WithPolicies(
            """{ "id": "a", "routes": ["/api/x"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""",
            """{ "id": "b", "routes": ["/api/x"], "allowedOrigins": ["https://b.example.com"], "maxAgeSeconds": 600 }""",
            """{ "id": "c", "mode": "reportOnly", "routes": ["/api/x"], "allowedOrigins": ["https://c.example.com"], "maxAgeSeconds": 600 }""");

        var result = await Tool.RunAsync("validate", "--file", file);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("warning: route /api/x is named by several policies of the same mode: a governs it, b never will.", result.Error.Trim());
    }
}
