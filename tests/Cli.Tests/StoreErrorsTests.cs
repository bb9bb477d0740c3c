using Azure.Core;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli.Tests;

/// <summary>
/// An outage under the app's own retries (every attempt made, only the waits shortened): each command ends with one
/// line on stderr that names the table that failed and exit 3, never a stack trace or the exit codes of a policy
/// answer; a command interrupted midway has written exactly what it reported.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class StoreErrorsTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly TimeSpan s_shortNetworkTimeout = TimeSpan.FromMilliseconds(500);

    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string[], string> Commands => new()
    {
        { ["validate"], "table CorsPolicies" },
        { ["push", "--file", PolicyFiles.Samples], "table CorsPolicies" },
        { ["diff", "--file", PolicyFiles.Samples], "table CorsPolicies" },
        { ["pull"], "table CorsPolicies" },
        { ["check", "--path", "/api/items", "--origin", "https://a.example.com"], "table CorsPolicies" },
        { ["history", "--id", "items"], "table CorsPolicyAudit" },
        { ["rollback", "--id", "items", "--version", "1"], "table CorsPolicyAudit" },
        { ["history", "--id", "items", "--audit-table", "OpsAudit"], "table OpsAudit" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_closed_port_is_exit_3_in_one_line_naming_the_table_after_every_retry(string[] command, string table)
    {
        var attempts = new AttemptCounter();
        var options = ProductionRetries.WithShortDelays();
        options.AddPolicy(attempts, HttpPipelinePosition.PerRetry);

        var result = await Tool.RunAsync(options, [.. command, "--connection-string", ClosedPort.ConnectionString]);

        Assert.True(result.ExitCode == ExitCodes.StoreFailed, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"corsfunctions {command[0]}: {table}: the table service cannot be reached, is busy or timed out: Connection refused", line, StringComparison.Ordinal);
        Assert.Contains("(4 attempts).", line, StringComparison.Ordinal);
        Assert.Equal(1 + TableRetry.MaxRetries, attempts.Attempts);
    }

    [Fact]
    public async Task A_write_storage_forbids_is_exit_3_naming_both_operator_roles_and_the_deployment_doc()
    {
        var table = CliTable.New(azurite);
        await table.Client.CreateAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        var readOnly = service.GenerateSasUri(TableAccountSasPermissions.Read | TableAccountSasPermissions.List, TableAccountSasResourceTypes.All,
            DateTimeOffset.UtcNow.AddHours(1));
        var sas = $"TableEndpoint={service.Uri};SharedAccessSignature={readOnly.Query.TrimStart('?')}";

        var result = await Tool.RunAsync(["push", "--file", PolicyFiles.Samples, "--connection-string", sas, "--table", table.Client.Name]);

        Assert.True(result.ExitCode == ExitCodes.StoreFailed, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"corsfunctions push: table {table.Client.Name}: storage refused this identity (403).", line, StringComparison.Ordinal);
        Assert.Contains("Storage Table Data Contributor on the policy table", line, StringComparison.Ordinal);
        Assert.Contains("the role 'CorsFunctions audit appender' on the audit table", line, StringComparison.Ordinal);
        Assert.Contains("docs/deployment.md", line, StringComparison.Ordinal);
        Assert.Empty(await table.Client.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task The_tool_retries_as_the_app_does_when_nothing_else_is_said()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApplication.RunAsync(["validate", "--connection-string", ClosedPort.ConnectionString], output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.StoreFailed, exitCode);
        Assert.Contains("(4 attempts).", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public Task A_push_whose_emulator_hangs_after_the_first_policy_is_exit_3_and_leaves_only_what_it_reported() => AzuriteFixture.WithOwnAsync(async emulator =>
    {
        var table = CliTable.New(emulator);
        var audit = new TableServiceClient(emulator.ConnectionString).GetTableClient("CorsPolicyAudit");

        var result = await PushInterruptedAsync(table, emulator.Freeze, s_shortNetworkTimeout);
        emulator.Thaw();

        Assert.StartsWith($"corsfunctions push: table {table.Client.Name}: the table service cannot be reached, is busy or timed out: " +
            "The operation was cancelled because it exceeded the configured timeout", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("(4 attempts). Nothing more was written", result.ErrorLines[0], StringComparison.Ordinal);
        // The marker update after "a" starts with a read of the marker, which timed out in the frozen emulator: nothing of
        // it was sent to be written later, so "a" stands without it (other instances read it at their next full read).
        Assert.Equal(["a"], (await table.Client.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
        Assert.Equal(["default~a"], (await audit.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.PartitionKey));
    });

    [Fact]
    public Task A_push_whose_emulator_is_killed_after_the_first_policy_is_exit_3_in_one_line() => AzuriteFixture.WithOwnAsync(async emulator =>
    {
        var table = CliTable.New(emulator);

        var result = await PushInterruptedAsync(table, emulator.Stop, networkTimeout: null);

        Assert.StartsWith($"corsfunctions push: table {table.Client.Name}: the table service cannot be reached, is busy or timed out: Connection refused",
            result.ErrorLines[0], StringComparison.Ordinal);
    });

    /// <summary>
    /// Pushes three policies into a new table, <paramref name="interrupt"/> running once the first policy's row and its
    /// audit entry are written: exit 3, one line on stderr, and the output tells of the first policy only.
    /// </summary>
    private async Task<CliResult> PushInterruptedAsync(CliTable table, Action interrupt, TimeSpan? networkTimeout)
    {
        var options = ProductionRetries.WithShortDelays(networkTimeout);
        options.AddPolicy(new AfterResponsesPolicy(TableRequests.IsEntityWrite, 2, interrupt), HttpPipelinePosition.PerCall);
        var file = _files.WithPolicies(
            """{ "id": "a", "routes": ["/api/a"], "allowedOrigins": ["https://a.example.com"], "maxAgeSeconds": 600 }""",
            """{ "id": "b", "routes": ["/api/b"], "allowedOrigins": ["https://b.example.com"], "maxAgeSeconds": 600 }""",
            """{ "id": "c", "routes": ["/api/c"], "allowedOrigins": ["https://c.example.com"], "maxAgeSeconds": 600 }""");

        var result = await Tool.RunAsync(options, ["push", "--file", file, .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.StoreFailed, result.ToString());
        Assert.Equal([$"created table {table.Client.Name}", "created a (audit version 1)"], result.OutputLines.Skip(1)); // after "3 policies, all valid"
        Assert.Single(result.ErrorLines);
        return result;
    }
}
