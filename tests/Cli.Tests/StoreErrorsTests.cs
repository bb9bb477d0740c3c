using Azure.Core;
using Azure.Data.Tables;
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
public sealed class StoreErrorsTests : IDisposable
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

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_closed_port_is_exit_3_in_one_line_naming_the_table_after_every_retry(string[] command, string table)
    {
        var attempts = new AttemptCounter();
        var options = ProductionRetries.WithShortDelays();
        options.AddPolicy(attempts, HttpPipelinePosition.PerRetry);

        var result = await Tool.RunAsync(options, [.. command, "--connection-string", ClosedPort.ConnectionString]);

        Assert.True(result.ExitCode == ExitCodes.StoreFailed, result.ToString());
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith($"corsfunctions {command[0]}: {table}: the table service cannot be reached, is busy or timed out: Connection refused", line, StringComparison.Ordinal);
        Assert.Contains("(4 attempts).", line, StringComparison.Ordinal);
        Assert.Equal(1 + TableRetry.MaxRetries, attempts.Attempts);
    }

    [Fact]
    public async Task With_verbose_a_store_failure_is_followed_by_the_exception_and_its_stack_trace()
    {
        var result = await Tool.RunAsync("validate", "--connection-string", ClosedPort.ConnectionString, "--verbose");

        Assert.Equal(ExitCodes.StoreFailed, result.ExitCode);
        Assert.StartsWith("corsfunctions validate: table CorsPolicies: the table service cannot be reached", result.Error, StringComparison.Ordinal);
        Assert.Contains("TableStoreException: Table CorsPolicies: Retry failed after 4 tries", result.Error, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_retries_as_the_app_does_when_nothing_else_is_said()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApplication.RunAsync(["validate", "--connection-string", ClosedPort.ConnectionString], output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.StoreFailed, exitCode);
        Assert.Contains("(4 attempts).", Assert.Single(Lines(error.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_whose_emulator_hangs_after_the_first_policy_is_exit_3_and_leaves_only_what_it_reported()
    {
        var emulator = new AzuriteFixture();
        await emulator.InitializeAsync();
        try
        {
            var table = CliTable.New(emulator);
            var audit = new TableServiceClient(emulator.ConnectionString).GetTableClient("CorsPolicyAudit");
            var options = ProductionRetries.WithShortDelays(s_shortNetworkTimeout);
            // The first policy's row, then its audit entry: then nothing answers.
            options.AddPolicy(new AfterResponsesPolicy(TableRequests.IsEntityWrite, 2, emulator.Freeze), HttpPipelinePosition.PerCall);

            var result = await Tool.RunAsync(options, ["push", "--file", ThreePolicies(), .. table.Options]);
            emulator.Thaw();

            Assert.True(result.ExitCode == ExitCodes.StoreFailed, result.ToString());
            Assert.Equal([$"created table {table.Client.Name}", "created a (audit version 1)"], Lines(result.Output).Skip(1)); // after "3 policies, all valid"
            var line = Assert.Single(Lines(result.Error));
            Assert.StartsWith($"corsfunctions push: table {table.Client.Name}: the table service cannot be reached, is busy or timed out: " +
                "The operation was cancelled because it exceeded the configured timeout", line, StringComparison.Ordinal);
            Assert.Contains("(4 attempts). Nothing more was written", line, StringComparison.Ordinal);
            Assert.Equal(["a"], (await table.Client.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
            Assert.Equal(["default~a"], (await audit.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.PartitionKey));
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_push_whose_emulator_is_killed_after_the_first_policy_is_exit_3_in_one_line()
    {
        var emulator = new AzuriteFixture();
        await emulator.InitializeAsync();
        try
        {
            var table = CliTable.New(emulator);
            var options = ProductionRetries.WithShortDelays();
            options.AddPolicy(new AfterResponsesPolicy(TableRequests.IsEntityWrite, 2, emulator.Stop), HttpPipelinePosition.PerCall);

            var result = await Tool.RunAsync(options, ["push", "--file", ThreePolicies(), .. table.Options]);

            Assert.True(result.ExitCode == ExitCodes.StoreFailed, result.ToString());
            Assert.Equal([$"created table {table.Client.Name}", "created a (audit version 1)"], Lines(result.Output).Skip(1)); // after "3 policies, all valid"
            var line = Assert.Single(Lines(result.Error));
            Assert.StartsWith($"corsfunctions push: table {table.Client.Name}: the table service cannot be reached, is busy or timed out: Connection refused",
                line, StringComparison.Ordinal);
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    private string ThreePolicies() => _files.WithPolicies(
        """{ "id": "a", "routes": ["/api/a"], "allowedOrigins": ["https://a.example.com"] }""",
        """{ "id": "b", "routes": ["/api/b"], "allowedOrigins": ["https://b.example.com"] }""",
        """{ "id": "c", "routes": ["/api/c"], "allowedOrigins": ["https://c.example.com"] }""");
}
