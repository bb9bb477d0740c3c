using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class DiffCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Items = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""";
    private const string Reports = """{ "id": "reports", "routes": ["/api/reports/**"], "allowedOrigins": ["https://r.example.com"] }""";

    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Against_a_table_that_does_not_exist_every_policy_is_new_and_nothing_is_created()
    {
        var table = CliTable.New(azurite);

        var result = await Tool.RunAsync(["diff", "--file", _files.WithPolicies(Items), .. table.Options]);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("does not exist yet (push creates it)", result.Output, StringComparison.Ordinal);
        Assert.Contains("+ items (new)", result.Output, StringComparison.Ordinal);
        Assert.Equal("(no table)", await table.RowsAsync());
    }

    [Fact]
    public async Task New_changed_only_in_the_table_and_unchanged_policies_are_told_apart_field_by_field()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", _files.WithPolicies(Items, Reports), .. table.Options]);
        var proposed = _files.WithPolicies(
            """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com", "https://b.example.com"], "mode": "reportOnly" }""",
            """{ "id": "orders", "routes": ["/api/orders"], "allowedOrigins": ["https://o.example.com"] }""");

        var result = await Tool.RunAsync(["diff", "--file", proposed, .. table.Options]);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Equal(
            [
                "~ items",
                """    allowedOrigins: ["https://a.example.com"] -> ["https://a.example.com","https://b.example.com"]""",
                "    mode: \"enforce\" -> \"reportOnly\"",
                "+ orders (new)",
                "- reports (only in the table; push --prune deletes it)",
                "1 new, 1 changed, 1 only in the table, 0 unchanged.",
            ],
            result.Output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task Turning_debug_mode_on_in_the_file_is_one_changed_field_and_push_stores_it_in_the_table()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", _files.WithPolicies(Items), .. table.Options]);
        var debug = _files.WithPolicies("""{ "id": "items", "debug": true, "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""");

        var diff = await Tool.RunAsync(["diff", "--file", debug, .. table.Options]);
        var push = await Tool.RunAsync(["push", "--file", debug, .. table.Options]);

        Assert.Equal(["~ items", "    debug: (absent) -> true"], diff.Output.TrimEnd().Split(Environment.NewLine)[..2]);
        Assert.True(push.ExitCode == ExitCodes.Success, push.ToString());
        Assert.True((await table.Client.GetEntityAsync<Azure.Data.Tables.TableEntity>(CliTable.PolicySet, "items")).Value.GetBoolean("Debug"));
    }

    [Fact]
    public async Task No_difference_is_exit_0()
    {
        var table = CliTable.New(azurite);
        var file = _files.WithPolicies(Items, Reports);
        await Tool.RunAsync(["push", "--file", file, .. table.Options]);

        var result = await Tool.RunAsync(["diff", "--file", file, .. table.Options]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("0 new, 0 changed, 0 only in the table, 2 unchanged.", result.Output.Trim());
    }
}
