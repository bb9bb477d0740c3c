using Azure.Data.Tables;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PullCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_pulled_file_is_valid_and_pushes_back_unchanged()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, .. table.Options]);
        var pulled = Path.Combine(_files.Folder, "pulled.json");

        var result = await Tool.RunAsync(["pull", "--output", pulled, .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("2 policies written to pulled.json", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("etag", await File.ReadAllTextAsync(pulled), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.Success, (await Tool.RunAsync("validate", "--file", pulled)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await Tool.RunAsync(["diff", "--file", pulled, .. table.Options])).ExitCode);
    }

    [Fact]
    public async Task One_policy_is_counted_in_the_singular()
    {
        var table = CliTable.New(azurite);
        var one = _files.WithPolicies("""{ "id": "a", "routes": ["/api/a"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""");
        var invalid = _files.WithPolicies("""{ "id": "a", "routes": ["api/a"], "allowedOrigins": ["https://a.example.com"] }""");

        var pushed = await Tool.RunAsync(["push", "--file", one, .. table.Options]);
        var pulled = await Tool.RunAsync(["pull", "--output", Path.Combine(_files.Folder, "one.json"), .. table.Options]);
        var refused = await Tool.RunAsync("validate", "--file", invalid);

        Assert.StartsWith($"{Path.GetFileName(one)}: 1 policy, all valid.", pushed.Output, StringComparison.Ordinal);
        Assert.Equal($"table {table.Client.Name}, policy set default: 1 policy written to one.json.", pulled.Output.Trim());
        Assert.Equal($"{Path.GetFileName(invalid)}: 1 of 1 policy invalid.", refused.Output.Trim());
        Assert.StartsWith("policy 'a': 1 error" + Environment.NewLine, refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_pulled_as_written_not_escaped_for_html()
    {
        var table = CliTable.New(azurite);
        const string description = "Orders & returns <v2> + café's";
        await Tool.RunAsync(["push", "--file", _files.WithPolicies($$"""{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"], "description": "{{description}}" }"""),
            .. table.Options]);

        var result = await Tool.RunAsync(["pull", .. table.Options]);

        Assert.Contains($"\"description\": \"{description}\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_output_the_file_goes_to_standard_output()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, .. table.Options]);

        var result = await Tool.RunAsync(["pull", .. table.Options]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(ExitCodes.Success, (await Tool.RunAsync("validate", "--file", _files.Write(result.Output))).ExitCode);
    }

    [Fact]
    public async Task An_invalid_row_is_pulled_as_it_reads_with_a_warning()
    {
        var table = CliTable.New(azurite);
        await table.Client.CreateAsync();
        await table.Client.AddEntityAsync(new TableEntity(CliTable.PolicySet, "broken") { ["Routes"] = "/api/b", ["AllowedOrigins"] = "https://b.example.com/path" });

        var result = await Tool.RunAsync(["pull", .. table.Options]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("warning: policy 'broken' is invalid in the table", result.Error, StringComparison.Ordinal);
        Assert.Contains("https://b.example.com/path", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_file_that_cannot_be_written_is_a_usage_error()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, .. table.Options]);

        var result = await Tool.RunAsync(["pull", "--output", Path.Combine(_files.Folder, "missing-folder", "x.json"), .. table.Options]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("cannot be written", result.Error, StringComparison.Ordinal);
    }
}
