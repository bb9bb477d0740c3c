using System.Text.Json;
using Azure.Data.Tables;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Cli.Tests.Commands;

/// <summary>
/// What was reviewed is what is enforced, and the record of it can be checked: a file the CLI validates is stored as
/// validated, and history and rollback verify the audit chain.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class IntegrityCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Items = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""";
    private const string ItemsWider = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com", "https://b.example.com"] }""";
    private const string ItemsWidest = """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://c.example.com"] }""";

    private readonly PolicyFiles _files = new();
    private readonly string _auditTable = "A" + Guid.NewGuid().ToString("N")[..20];

    public void Dispose() => _files.Dispose();

    private async Task<string[]> ThreeVersionsAsync()
    {
        string[] options = [.. CliTable.New(azurite).Options, "--audit-table", _auditTable];
        foreach (var policy in new[] { Items, ItemsWider, ItemsWidest })
        {
            Assert.Equal(ExitCodes.Success, (await Tool.RunAsync(["push", "--file", _files.WithPolicies(policy), .. options])).ExitCode);
        }

        return options;
    }

    private async Task TamperAsync(int version, string field, string value)
    {
        var audit = new TableServiceClient(azurite.ConnectionString).GetTableClient(_auditTable);
        var row = (await audit.GetEntityAsync<TableEntity>("default~items", PolicyAuditRow.RowKeyOf(version))).Value;
        row[field] = value;
        await audit.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
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
    public async Task History_says_the_chain_verifies()
    {
        var options = await ThreeVersionsAsync();

        var result = await Tool.RunAsync(["history", "--id", "items", .. options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("audit chain: verified, v1 to v3.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_of_an_edited_entry_reports_the_first_break_and_exits_6()
    {
        var options = await ThreeVersionsAsync();
        await TamperAsync(2, "WriterName", "someone else");

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
        var options = await ThreeVersionsAsync();
        await TamperAsync(1, "After", """{"id":"items","routes":["/**"],"allowedOrigins":["https://evil.example"]}""");
        var before = await new CliTable(azurite, options[3]).RowsAsync();

        var result = await Tool.RunAsync(["rollback", "--id", "items", "--version", "1", .. options]);

        Assert.Equal(ExitCodes.AuditUnverified, result.ExitCode);
        Assert.Contains("cannot be trusted, so nothing was restored: the audit chain breaks at v1", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await new CliTable(azurite, options[3]).RowsAsync());
    }
}
