using System.Text.Json;
using Azure.Data.Tables;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
public sealed class HistoryAndRollbackCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Items = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""";
    private const string ItemsWider = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com", "https://b.example.com"] }""";

    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A table whose 'items' was created, then widened, by two pushes; a private audit table.</summary>
    private async Task<(CliTable Table, string[] Options)> TwoVersionsAsync()
    {
        var table = CliTable.New(azurite);
        string[] options = [.. table.Options, "--audit-table", "A" + Guid.NewGuid().ToString("N")[..20]];
        Assert.Equal(ExitCodes.Success, (await Tool.RunAsync(["push", "--file", _files.WithPolicies(Items), .. options])).ExitCode);
        Assert.Equal(ExitCodes.Success, (await Tool.RunAsync(["push", "--file", _files.WithPolicies(ItemsWider), .. options])).ExitCode);
        return (table, options);
    }

    [Fact]
    public async Task Every_push_is_recorded_with_who_when_what_changed_and_the_etags()
    {
        var (_, options) = await TwoVersionsAsync();

        var result = await Tool.RunAsync(["history", "--id", "items", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.Output.TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith("items: 2 recorded writes", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^v1  \S+ \S+  Put  by storage-credential \S+ \(connection string\) via cli  ETag \(none\) -> W/", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("v2  ", StringComparison.Ordinal) && !l.Contains("ETag (none)", StringComparison.Ordinal));
        Assert.Contains("""    allowedOrigins: ["https://a.example.com"] -> ["https://a.example.com","https://b.example.com"]""", lines);
    }

    [Fact]
    public async Task A_creation_and_a_delete_show_the_definition_not_every_field_from_or_to_absent()
    {
        var (_, options) = await TwoVersionsAsync();
        await Tool.RunAsync(["push", "--prune", "--file", _files.WithPolicies("""{ "id": "other", "routes": ["/o"], "allowedOrigins": ["https://o.example.com"] }"""), .. options]);

        var result = await Tool.RunAsync(["history", "--id", "items", .. options]);

        var lines = result.Output.TrimEnd().Split(Environment.NewLine);
        Assert.DoesNotContain("(absent)", result.Output, StringComparison.Ordinal);
        var created = Array.IndexOf(lines, "    created:");
        Assert.StartsWith("v1  ", lines[created - 1], StringComparison.Ordinal);
        Assert.Contains("""      allowedOrigins: ["https://a.example.com"]""", lines[created..]);
        Assert.Contains("      allowCredentials: false", lines[created..]);
        var deleted = Array.IndexOf(lines, "    deleted, it was:");
        Assert.StartsWith("v3  ", lines[deleted - 1], StringComparison.Ordinal);
        Assert.Contains("""      allowedOrigins: ["https://a.example.com","https://b.example.com"]""", lines[deleted..]);
        Assert.DoesNotContain(lines, l => l.StartsWith("      id:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Push_says_the_audit_version_of_each_write()
    {
        var table = CliTable.New(azurite);

        var result = await Tool.RunAsync(["push", "--file", _files.WithPolicies(Items), .. table.Options, "--audit-table", "A" + Guid.NewGuid().ToString("N")[..20]]);

        Assert.Contains("created items (audit version 1)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_as_json_is_the_management_api_document()
    {
        var (_, options) = await TwoVersionsAsync();

        var result = await Tool.RunAsync(["history", "--id", "items", "--json", .. options]);

        var versions = JsonDocument.Parse(result.Output).RootElement.GetProperty("versions");
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("cli", versions[0].GetProperty("by").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Rollback_restores_an_earlier_definition_as_a_new_audited_write()
    {
        var (table, options) = await TwoVersionsAsync();

        var result = await Tool.RunAsync(["rollback", "--id", "items", "--version", "1", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("restored items to version 1 (audit version 3)", result.Output.Trim());
        Assert.Equal("https://a.example.com", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "items")).Value["AllowedOrigins"]);
        var history = await Tool.RunAsync(["history", "--id", "items", .. options]);
        Assert.Contains("Rollback to v1", history.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_recreates_a_policy_that_was_pruned()
    {
        var (table, options) = await TwoVersionsAsync();
        await Tool.RunAsync(["push", "--prune", "--file", _files.WithPolicies("""{ "id": "other", "routes": ["/o"], "allowedOrigins": ["https://o.example.com"] }"""), .. options]);

        var result = await Tool.RunAsync(["rollback", "--id", "items", "--version", "2", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.True((await table.Client.GetEntityIfExistsAsync<TableEntity>(CliTable.PolicySet, "items")).HasValue);
    }

    [Fact]
    public async Task Rolling_back_to_a_delete_or_an_unknown_version_is_exit_1_and_writes_nothing()
    {
        var (table, options) = await TwoVersionsAsync();
        await Tool.RunAsync(["push", "--prune", "--file", _files.WithPolicies("""{ "id": "other", "routes": ["/o"], "allowedOrigins": ["https://o.example.com"] }"""), .. options]);
        var before = await table.RowsAsync();

        var toDelete = await Tool.RunAsync(["rollback", "--id", "items", "--version", "3", .. options]);
        var unknown = await Tool.RunAsync(["rollback", "--id", "items", "--version", "9", .. options]);
        var never = await Tool.RunAsync(["rollback", "--id", "nothing", "--version", "1", .. options]);

        Assert.Equal((ExitCodes.Refused, ExitCodes.Refused, ExitCodes.Refused), (toDelete.ExitCode, unknown.ExitCode, never.ExitCode));
        Assert.Contains("deleted it, so it left nothing to restore", toDelete.Error, StringComparison.Ordinal);
        Assert.Contains("has no version 9; its history has versions 1 to 3", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("has no recorded write to restore", never.Error, StringComparison.Ordinal);
        Assert.Equal(before, await table.RowsAsync());
    }

    [Fact]
    public async Task A_row_changed_during_the_rollback_is_not_overwritten()
    {
        var (table, options) = await TwoVersionsAsync();
        void ConcurrentWriter()
        {
            var row = table.Client.GetEntity<TableEntity>(CliTable.PolicySet, "items").Value;
            row["Description"] = "someone else";
            table.Client.UpdateEntity(row, row.ETag, TableUpdateMode.Replace);
        }

        var result = await Tool.RunAsync(Tool.BeforeFirstWrite(ConcurrentWriter), ["rollback", "--id", "items", "--version", "1", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Conflict, result.ToString());
        Assert.Equal("someone else", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "items")).Value["Description"]);
    }

    [Fact]
    public async Task History_of_an_unknown_policy_is_exit_1()
    {
        var (_, options) = await TwoVersionsAsync();

        var result = await Tool.RunAsync(["history", "--id", "nothing", .. options]);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("there is no policy 'nothing'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_only_mode_survives_the_audit_round_trip()
    {
        var table = CliTable.New(azurite);
        string[] options = [.. table.Options, "--audit-table", "A" + Guid.NewGuid().ToString("N")[..20]];
        await Tool.RunAsync(["push", "--file", _files.WithPolicies("""{ "id": "next", "mode": "reportOnly", "routes": ["/n"], "allowedOrigins": ["https://n.example.com"] }"""), .. options]);
        await Tool.RunAsync(["push", "--file", _files.WithPolicies("""{ "id": "next", "routes": ["/n"], "allowedOrigins": ["https://n.example.com"] }"""), .. options]);

        await Tool.RunAsync(["rollback", "--id", "next", "--version", "1", .. options]);

        Assert.Equal("reportOnly", (await table.Client.GetEntityAsync<TableEntity>(CliTable.PolicySet, "next")).Value["Mode"]);
    }

    private async Task TamperAsync(string[] options, int version, string field, string value)
    {
        var audit = new TableServiceClient(azurite.ConnectionString).GetTableClient(options[^1]);
        var row = (await audit.GetEntityAsync<TableEntity>("default~items", PolicyAuditRow.RowKeyOf(version))).Value;
        row[field] = value;
        await audit.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    [Fact]
    public async Task History_says_the_chain_verifies()
    {
        var (_, options) = await TwoVersionsAsync();

        var result = await Tool.RunAsync(["history", "--id", "items", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("audit chain: verified, v1 to v2.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_of_an_edited_entry_reports_the_first_break_and_exits_6()
    {
        var (_, options) = await TwoVersionsAsync();
        await TamperAsync(options, 2, "WriterName", "someone else");

        var text = await Tool.RunAsync(["history", "--id", "items", .. options]);
        var json = await Tool.RunAsync(["history", "--id", "items", "--json", .. options]);

        Assert.Equal((ExitCodes.AuditUnverified, ExitCodes.AuditUnverified), (text.ExitCode, json.ExitCode));
        Assert.Contains("first break at v2: does not match its own hash", text.Error, StringComparison.Ordinal);
        var integrity = JsonDocument.Parse(json.Output).RootElement.GetProperty("integrity");
        Assert.False(integrity.GetProperty("verified").GetBoolean());
        Assert.Equal(2, integrity.GetProperty("firstBreak").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Rollback_to_a_version_the_chain_does_not_vouch_for_restores_nothing_and_exits_6()
    {
        var (table, options) = await TwoVersionsAsync();
        await TamperAsync(options, 1, "After", """{"id":"items","routes":["/**"],"allowedOrigins":["https://evil.example"]}""");
        var before = await table.RowsAsync();

        var result = await Tool.RunAsync(["rollback", "--id", "items", "--version", "1", .. options]);

        Assert.Equal(ExitCodes.AuditUnverified, result.ExitCode);
        Assert.Contains("cannot be trusted, so nothing was restored: the audit chain breaks at v1", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await table.RowsAsync());
    }
}
