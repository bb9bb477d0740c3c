using Azure.Core;
using Azure.Data.Tables;
using CorsFunctions.Cli;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// What the refresh tests against Azurite share: a table seeded with the samples through the CLI (so the marker's log
/// was written by the pipeline), a refresher on fake time whose table client records every request it sends (retries
/// included), and the CLI pointed at that table.
/// </summary>
internal sealed class RefreshHarness(AzuriteFixture azurite) : IDisposable
{
    public const string PolicySet = "default";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static string SamplesFile => Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "policies.json");

    public RecordingTimeProvider Time { get; } = new();

    public AttemptCounter Requests { get; } = new();

    public void Dispose() => _services.Dispose();

    public static async Task RefreshAsync(PolicySnapshotPipeline refresher) =>
        Assert.True(await refresher.RefreshAsync(CancellationToken.None));

    public static TablePolicyStore Store(TableClient table) =>
        new(table, Options.Create(new CorsPolicyOptions { TableName = table.Name, PartitionKey = PolicySet }));

    public PolicySnapshotPipeline Refresher(TableClient table) => Refresher(table, out _);

    public PolicySnapshotPipeline Refresher(TableClient table, out CorsPolicyOptions options)
    {
        var clientOptions = ProductionRetries.WithShortDelays();
        clientOptions.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        options = new CorsPolicyOptions { TableName = table.Name, PartitionKey = PolicySet, RefreshSeconds = 30 };
        return new PolicySnapshotPipeline(Store(azurite.Client(table, clientOptions)), options, Time,
            _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
    }

    public async Task<TableClient> SeededTableAsync()
    {
        var table = await azurite.CreateTableAsync();
        Assert.Equal(0, await Cli(table, TextWriter.Null, "push", "--file", SamplesFile));
        return table;
    }

    public Task<int> Cli(TableClient table, TextWriter output, params string[] arguments) => CliApplication.RunAsync(
        [.. arguments, "--connection-string", azurite.ConnectionString, "--table", table.Name, "--audit-table", table.Name + "Audit", "--policy-set", PolicySet],
        output, TextWriter.Null, CancellationToken.None);
}
