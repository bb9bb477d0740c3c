using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Core.Lint;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Commands;

/// <summary>Lint warnings in validate and push: printed with their code, never a refusal, unless validate runs with --strict.</summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class ValidateLintTests(AzuriteFixture azurite) : IDisposable
{
    private const string NoMaxAge = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""";
    private const string OutsidePrefix = """{ "id": "orders", "routes": ["/orders/*"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""";
    private const string SharedDomain = """{ "id": "shared", "routes": ["/api/s"], "allowedOrigins": ["https://*.azurewebsites.net"], "dangerouslyAllowPublicSuffixWildcards": true, "maxAgeSeconds": 600 }""";

    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string[] Warnings(CliResult result) => [.. result.ErrorLines.Where(l => l.StartsWith("warning: policy ", StringComparison.Ordinal))];

    [Fact]
    public async Task Each_warning_is_listed_with_its_policy_and_code_and_the_run_still_passes()
    {
        var file = _files.WithPolicies(NoMaxAge, SharedDomain);

        var result = await Tool.RunAsync("validate", "--file", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var warnings = Warnings(result);
        Assert.Equal(2, warnings.Length);
        Assert.StartsWith("warning: policy 'items': MaxAgeSeconds: is not set", warnings[0], StringComparison.Ordinal);
        Assert.EndsWith($"[{PolicyWarningCodes.MaxAgeMissing}]", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("warning: policy 'shared': AllowedOrigins: 'https://*.azurewebsites.net' ", warnings[1], StringComparison.Ordinal);
        Assert.EndsWith($"[{PolicyWarningCodes.OriginSharedDomain}]", warnings[1], StringComparison.Ordinal);
        Assert.Equal($"{Path.GetFileName(file)}: 2 policies, all valid (2 lint warnings).", result.Output.Trim());
    }

    [Fact]
    public async Task Strict_fails_on_a_warning_and_passes_a_set_without_one()
    {
        var warned = await Tool.RunAsync("validate", "--strict", "--file", _files.WithPolicies(NoMaxAge));
        var clean = await Tool.RunAsync("validate", "--strict", "--file", PolicyFiles.Samples);

        Assert.Equal(ExitCodes.Refused, warned.ExitCode);
        Assert.Equal("--strict: 1 lint warning fails the run.", warned.ErrorLines[^1]);
        Assert.True(clean.ExitCode == ExitCodes.Success, clean.ToString());
        Assert.Empty(clean.Error);
    }

    [Fact]
    public async Task Strict_still_reports_an_invalid_set_as_invalid()
    {
        var result = await Tool.RunAsync("validate", "--strict", "--file", _files.WithPolicies(NoMaxAge, """{ "id": "bad", "routes": ["api"], "allowedOrigins": ["https://a.example.com"] }"""));

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.DoesNotContain(result.ErrorLines, l => l.StartsWith("--strict", StringComparison.Ordinal));
        Assert.Contains("1 of 2 policies invalid (1 lint warning).", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_are_checked_against_the_route_prefix_only_when_it_is_known()
    {
        var file = _files.WithPolicies(OutsidePrefix);

        var unknown = await Tool.RunAsync("validate", "--file", file);
        var known = await Tool.RunAsync("validate", "--file", file, "--route-prefix", "api");

        Assert.Empty(Warnings(unknown));
        var warning = Assert.Single(Warnings(known));
        Assert.Contains("'/orders/*' does not start with the host's route prefix '/api'", warning, StringComparison.Ordinal);
        Assert.Contains("did you mean '/api/orders/*'?", warning, StringComparison.Ordinal);
        Assert.EndsWith($"[{PolicyWarningCodes.RoutePrefixMissing}]", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_app_folder_routes_are_checked_against_its_prefix_and_functions()
    {
        var app = AppFolders.Create(_files.Folder, routePrefix: "v1", ("ListItems", "items", "get", "anonymous"));
        var file = _files.WithPolicies(
            """{ "id": "items", "routes": ["/v1/items"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""",
            """{ "id": "orders", "routes": ["/v1/orders"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""",
            """{ "id": "legacy", "routes": ["/orders/*"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""");

        var result = await Tool.RunAsync("validate", "--file", file, "--app", app);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var warnings = Warnings(result);
        Assert.Contains(warnings, w => w.StartsWith("warning: policy 'orders': Routes: '/v1/orders' matches no path", StringComparison.Ordinal)
            && w.EndsWith($"[{PolicyWarningCodes.RouteUnreachable}]", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'/orders/*' does not start with the host's route prefix '/v1'", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.StartsWith("warning: policy 'items'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_without_function_metadata_is_a_usage_error()
    {
        var result = await Tool.RunAsync("validate", "--file", PolicyFiles.Samples, "--app", _files.Folder);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("functions.metadata cannot be read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_prints_the_warnings_and_writes_anyway()
    {
        var table = CliTable.New(azurite);

        var result = await Tool.RunAsync(["push", "--file", _files.WithPolicies(NoMaxAge), .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.EndsWith($"[{PolicyWarningCodes.MaxAgeMissing}]", Assert.Single(Warnings(result)), StringComparison.Ordinal);
        Assert.Contains("created items", result.Output, StringComparison.Ordinal);
    }
}
