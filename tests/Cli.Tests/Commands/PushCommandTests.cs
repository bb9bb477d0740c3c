using Azure;
using Azure.Data.Tables;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.Integration;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PushCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Items = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""";
    private const string ItemsWider = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com", "https://b.example.com"] }""";
    private const string Reports = """{ "id": "reports", "routes": ["/api/reports/**"], "allowedOrigins": ["https://r.example.com"] }""";

    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<CliTable> PushedAsync(params string[] policies)
    {
        var table = CliTable.New(azurite);
        var result = await Tool.RunAsync(["push", "--file", _files.WithPolicies(policies), .. table.Options]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        return table;
    }

    [Fact]
    public async Task A_route_holding_the_list_separator_is_refused_by_validate_and_never_pushed()
    {
        var table = CliTable.New(azurite);
        var file = _files.WithPolicies("""{ "id": "items", "routes": ["/api/items,/**"], "allowedOrigins": ["https://a.example.com"], "allowCredentials": true }""");

        var validate = await Tool.RunAsync(["validate", "--file", file]);
        var push = await Tool.RunAsync(["push", "--file", file, .. table.Options]);

        Assert.Equal((ExitCodes.Refused, ExitCodes.Refused), (validate.ExitCode, push.ExitCode));
        Assert.Contains("[route.invalid_character]", validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.Equal("(no table)", await table.RowsAsync());
    }

    [Fact]
    public async Task Ctrl_c_right_after_a_policy_row_is_written_still_records_it_then_stops_with_exit_130()
    {
        var table = CliTable.New(azurite);
        var auditTable = "A" + Guid.NewGuid().ToString("N")[..20];
        using var interrupt = new CancellationTokenSource();
        // The first entity write is policy a's row: cancel the moment it is answered, before its audit entry is appended.
        var options = ProductionRetries.WithShortDelays();
        options.AddPolicy(new AfterResponsesPolicy(TableRequests.IsEntityWrite, 1, interrupt.Cancel),
            Azure.Core.HttpPipelinePosition.PerCall);

        var result = await Tool.RunAsync(options, interrupt.Token,
            ["push", "--file", _files.WithPolicies(Items, Reports), .. table.Options, "--audit-table", auditTable]);

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Contains("cancelled; every write reported above stands and is recorded", result.Error, StringComparison.Ordinal);
        // The write that stands also moved the change marker, so every instance reads it at its next refresh.
        Assert.Equal(["items", TablePolicyStore.ChangeMarkerRowKey], (await table.Client.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
        var history = await Tool.RunAsync(["history", "--id", "items", .. table.Options, "--audit-table", auditTable]);
        Assert.True(history.ExitCode == ExitCodes.Success, history.ToString());
        Assert.Contains("items: 1 recorded write", history.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_push_creates_the_table_and_every_policy_and_the_app_reads_them_back()
    {
        var table = CliTable.New(azurite);

        var result = await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains($"created table {table.Client.Name}", result.Output, StringComparison.Ordinal);
        Assert.Contains("created items", result.Output, StringComparison.Ordinal);
        Assert.Contains("created public-read", result.Output, StringComparison.Ordinal);
        var valid = await Tool.RunAsync(["validate", .. table.Options]);
        Assert.Contains("2 policies, all valid", valid.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushing_the_same_file_again_writes_nothing()
    {
        var table = await PushedAsync(Items, Reports);
        var before = await table.RowsAsync();

        var audit = CliTable.New(azurite);

        var result = await Tool.RunAsync(["push", "--file", _files.WithPolicies(Items, Reports), .. table.Options, "--audit-table", audit.Client.Name]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("0 written, 2 unchanged", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await table.RowsAsync());
        Assert.Equal("(no table)", await audit.RowsAsync()); // nothing to record: no audit table created, no sign-in
    }

    [Fact]
    public async Task A_changed_policy_is_updated_and_a_policy_missing_from_the_file_is_kept_without_prune()
    {
        var table = await PushedAsync(Items, Reports);

        var result = await Tool.RunAsync(["push", "--file", _files.WithPolicies(ItemsWider), .. table.Options]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("updated items", result.Output, StringComparison.Ordinal);
        Assert.Contains("kept reports (only in the table; --prune deletes it)", result.Output, StringComparison.Ordinal);
        Assert.Equal("https://a.example.com, https://b.example.com", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "items")).Value["AllowedOrigins"]);
        Assert.True((await table.Client.GetEntityIfExistsAsync<TableEntity>(CliTable.PolicySet, "reports")).HasValue);
    }

    [Fact]
    public async Task Prune_deletes_the_policies_the_file_does_not_list()
    {
        var table = await PushedAsync(Items, Reports);

        var result = await Tool.RunAsync(["push", "--prune", "--file", _files.WithPolicies(Items), .. table.Options]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("deleted reports", result.Output, StringComparison.Ordinal);
        Assert.False((await table.Client.GetEntityIfExistsAsync<TableEntity>(CliTable.PolicySet, "reports")).HasValue);
    }

    [Fact]
    public async Task An_invalid_policy_anywhere_in_the_file_writes_nothing_at_all()
    {
        var table = await PushedAsync(Items);
        var before = await table.RowsAsync();
        var invalid = """{ "id": "bad", "routes": ["/api/bad"], "allowedOrigins": ["*"], "allowCredentials": true }""";

        var result = await Tool.RunAsync(["push", "--prune", "--file", _files.WithPolicies(ItemsWider, Reports, invalid), .. table.Options]);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains($"[{PolicyErrorCodes.OriginAnyWithCredentials}]", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await table.RowsAsync());
    }

    [Theory]
    [InlineData("{ \"policies\": [ { \"id\": \"items\", ")]
    [InlineData("""{ "policies": [ { "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"], "owner": "me" } ] }""")]
    [InlineData("""{ "policies": [ { "id": "items", "routes": "/api/items", "allowedOrigins": ["https://a.example.com"] } ] }""")]
    public async Task A_malformed_file_or_an_unknown_field_or_a_wrong_type_is_exit_2_and_nothing_changes(string json)
    {
        var table = await PushedAsync(Items);
        var before = await table.RowsAsync();

        var result = await Tool.RunAsync(["push", "--prune", "--file", _files.Write(json), .. table.Options]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("corsfunctions push: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await table.RowsAsync());
    }

    [Fact]
    public async Task A_row_changed_between_the_read_and_the_write_stops_the_push_with_exit_4_and_is_not_overwritten()
    {
        var table = await PushedAsync(Items);
        void ConcurrentWriter()
        {
            var row = table.Client.GetEntity<TableEntity>(CliTable.PolicySet, "items").Value;
            row["AllowedOrigins"] = "https://someone-else.example.com";
            table.Client.UpdateEntity(row, row.ETag, TableUpdateMode.Replace);
        }

        var result = await Tool.RunAsync(Tool.BeforeFirstWrite(ConcurrentWriter),
            ["push", "--file", _files.WithPolicies(ItemsWider, Reports), .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.Conflict, result.ToString());
        Assert.Contains("policy 'items' changed in the table", result.Error, StringComparison.Ordinal);
        Assert.Equal("https://someone-else.example.com", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "items")).Value["AllowedOrigins"]);
        Assert.False((await table.Client.GetEntityIfExistsAsync<TableEntity>(CliTable.PolicySet, "reports")).HasValue);
    }

    [Fact]
    public async Task A_policy_created_by_someone_else_meanwhile_is_not_overwritten()
    {
        var table = await PushedAsync(Items);
        void ConcurrentCreator() => table.Client.AddEntity(new TableEntity(CliTable.PolicySet, "reports") { ["Routes"] = "/x", ["AllowedOrigins"] = "https://x.example.com" });

        var result = await Tool.RunAsync(Tool.BeforeFirstWrite(ConcurrentCreator), ["push", "--file", _files.WithPolicies(Items, Reports), .. table.Options]);

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.Equal("/x", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "reports")).Value["Routes"]);
    }

    [Fact]
    public async Task A_push_keeps_an_operators_own_columns()
    {
        var table = await PushedAsync(Items);
        var row = (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "items")).Value;
        row["Owner"] = "team-a";
        await table.Client.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        await Tool.RunAsync(["push", "--file", _files.WithPolicies(ItemsWider), .. table.Options]);

        Assert.Equal("team-a", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "items")).Value["Owner"]);
    }
}
