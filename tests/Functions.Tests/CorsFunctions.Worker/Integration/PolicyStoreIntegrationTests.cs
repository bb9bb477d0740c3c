using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using CorsFunctions.Cli;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Handlers;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CorsFunctions.Functions.Tests.Integration;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PolicyStoreIntegrationTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncDisposable
{
    private const string PolicySet = "default";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private static string SamplesFile => Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "policies.json");

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static TablePolicyStore Store(TableClient table) =>
        new(table, Options.Create(new CorsPolicyOptions { TableName = table.Name, PartitionKey = PolicySet }));

    private PolicySnapshotPipeline Refresher(TableClient table, int refreshSeconds = 1) => new(Store(table),
        new CorsPolicyOptions { TableName = table.Name, PartitionKey = PolicySet, RefreshSeconds = refreshSeconds },
        TimeProvider.System, _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    /// <summary>A new table holding the samples, pushed by the CLI as run-local.sh does.</summary>
    private async Task<TableClient> SeededTableAsync()
    {
        var table = await azurite.CreateTableAsync();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(
            ["push", "--file", SamplesFile, "--connection-string", azurite.ConnectionString, "--table", table.Name, "--policy-set", PolicySet],
            TextWriter.Null, error, CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
        return table;
    }

    [Fact]
    public async Task Seeded_samples_load_into_the_snapshot_and_decide_like_the_sample_says()
    {
        var table = await SeededTableAsync();
        using var refresher = Refresher(table);

        await refresher.StartAsync(CancellationToken.None);

        var match = refresher.Current.Policies.Resolve("/api/items/42");
        Assert.Equal("items", match.PolicyId);
        Assert.True(match.Policy!.EvaluatePreflight(TestPolicies.TrustedOrigin, "POST", "x-auth-token,content-type").IsAllowed);
        Assert.True(match.Policy.EvaluatePreflight("http://localhost:5173", "GET").IsAllowed);
        Assert.Equal(CorsRejection.NoPolicy, refresher.Current.Policies.Resolve("/api/cors-policies").Rejection);
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_row_pushed_by_the_cli_is_in_force_after_the_next_background_refresh()
    {
        var table = await SeededTableAsync();
        using var refresher = Refresher(table, refreshSeconds: 1);
        await refresher.StartAsync(CancellationToken.None);
        const string newOrigin = "https://new.example.com";
        var file = Path.Combine(Path.GetTempPath(), $"cors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""{ "policies": [{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["{{newOrigin}}"] }] }""");

        var clock = Stopwatch.StartNew();
        var exit = await CliApplication.RunAsync(
            ["push", "--file", file, "--connection-string", azurite.ConnectionString, "--table", table.Name, "--policy-set", PolicySet],
            TextWriter.Null, TextWriter.Null, CancellationToken.None);
        File.Delete(file);
        Assert.Equal(0, exit);
        while (refresher.Current.Policies.Resolve("/api/items").Policy?.EvaluateActualRequest(newOrigin).IsAllowed != true)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the change was not picked up within 10 s");
            await Task.Delay(10);
        }

        output.WriteLine($"change visible {clock.ElapsedMilliseconds} ms after the push started, RefreshSeconds=1");
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Management_put_is_in_force_on_this_instance_as_soon_as_it_answers()
    {
        var table = await SeededTableAsync();
        using var refresher = Refresher(table, refreshSeconds: 3600);
        await refresher.StartAsync(CancellationToken.None);
        var audit = new PolicyAuditLog(await azurite.CreateTableAsync(), PolicySet, TimeProvider.System, NullLogger<PolicyAuditLog>.Instance);
        var pipeline = new PolicyWritePipeline(Store(table), audit, TimeProvider.System, NullLogger<PolicyWritePipeline>.Instance);
        var handler = new PolicyManagementHandler(Store(table), pipeline, refresher.Loader, LintContexts.Unreadable());
        var body = new MemoryStream("""{ "routes": ["/api/reports/**"], "allowedOrigins": ["https://reports.example.com"] }"""u8.ToArray());

        var clock = Stopwatch.StartNew();
        var result = await handler.PutAsync("reports", body, null, "*", dryRun: false, ManagementHarness.Admin, CancellationToken.None);
        output.WriteLine($"PUT including the snapshot refresh: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(200, result.Status);
        Assert.True(refresher.Current.Policies.Resolve("/api/reports/2024/q1").Policy!.EvaluateActualRequest("https://reports.example.com").IsAllowed);
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Concurrent_writes_with_the_same_etag_let_exactly_one_win()
    {
        var table = await SeededTableAsync();
        var store = Store(table);
        var etag = (await store.GetAsync("items", CancellationToken.None))!.ETag;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.SaveAsync(
            TestPolicies.Items() with { Description = $"writer {i}" }, 1, new WriteCondition(etag, false), CancellationToken.None)));

        Assert.Single(results, r => r.Outcome == WriteOutcome.Done);
        Assert.Equal(7, results.Count(r => r.Outcome == WriteOutcome.PreconditionFailed));
        var winner = Array.FindIndex(results, r => r.Outcome == WriteOutcome.Done);
        Assert.Equal($"writer {winner}", (await store.GetAsync("items", CancellationToken.None))!.Definition.Description);
    }

    [Fact]
    public async Task Stale_etag_create_only_and_missing_rows_are_refused_by_the_store()
    {
        var table = await SeededTableAsync();
        var store = Store(table);
        var stored = (await store.GetAsync("items", CancellationToken.None))!;
        var saved = await store.SaveAsync(stored.Definition with { Description = "v2" }, 1, new WriteCondition(stored.ETag, false), CancellationToken.None);
        Assert.Equal(WriteOutcome.Done, saved.Outcome);
        Assert.NotEqual(stored.ETag, saved.ETag);

        Assert.Equal(WriteOutcome.PreconditionFailed, (await store.SaveAsync(stored.Definition, 1, new WriteCondition(stored.ETag, false), CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.PreconditionFailed, (await store.SaveAsync(stored.Definition, 1, new WriteCondition(null, true), CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.PreconditionFailed, (await store.DeleteAsync("items", stored.ETag, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.NotFound, (await store.DeleteAsync("nothing", null, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.PreconditionFailed, (await store.DeleteAsync("nothing", stored.ETag, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.Done, (await store.DeleteAsync("items", saved.ETag, CancellationToken.None)).Outcome);
        Assert.Null(await store.GetAsync("items", CancellationToken.None));
    }

    [Fact]
    public async Task Write_keeps_an_operators_extra_columns()
    {
        var table = await SeededTableAsync();
        var entity = (await table.GetEntityAsync<TableEntity>(PolicySet, "items")).Value;
        entity["Owner"] = "team-a";
        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

        await Store(table).SaveAsync(TestPolicies.Items() with { Description = "v2" }, 1, WriteCondition.None, CancellationToken.None);

        Assert.Equal("team-a", (await table.GetEntityAsync<TableEntity>(PolicySet, "items")).Value["Owner"]);
    }

    [Fact]
    public async Task Hand_written_garbage_row_fails_closed_on_its_routes_and_leaves_other_policies_alone()
    {
        var table = await SeededTableAsync();
        await table.AddEntityAsync(new TableEntity(PolicySet, "broken")
        {
            ["Routes"] = "/api/broken, /api/broken/*",
            ["AllowedOrigins"] = "https://trusted.example.com",
            ["MaxAgeSeconds"] = "abc",
            ["AllowCredentials"] = "yes",
            ["Enabled"] = 7,
        });
        using var invalid = new MetricCollector<int>(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.InvalidInstrument);
        using var refresher = Refresher(table);

        await refresher.StartAsync(CancellationToken.None);

        var set = refresher.Current.Policies;
        Assert.Equal(CorsRejection.InvalidPolicy, set.Resolve("/api/broken/1").Rejection);
        Assert.True(set.Resolve("/api/items/1").Policy!.EvaluateActualRequest(TestPolicies.TrustedOrigin).IsAllowed);
        var errors = set.Resolve("/api/broken").Entry!.Compilation.Errors.Select(e => e.Field).ToList();
        Assert.Equal(["AllowCredentials", "Enabled", "MaxAgeSeconds"], errors.Order());
        invalid.RecordObservableInstruments();
        Assert.Equal(1, invalid.LastMeasurement!.Value);
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Unreachable_store_keeps_the_app_failing_closed_without_throwing()
    {
        var table = new TableServiceClient(ClosedPort.ConnectionString, ProductionRetries.WithShortDelays()).GetTableClient("CorsPolicies");
        using var refresher = Refresher(table);

        await refresher.StartAsync(CancellationToken.None);

        Assert.False(refresher.Current.IsLoaded);
        Assert.False(await refresher.RefreshAsync(CancellationToken.None));
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Policy_set_partitions_are_isolated()
    {
        var table = await SeededTableAsync();
        await table.AddEntityAsync(PolicyEntityMapper.ToEntity("other-app", TestPolicies.Items("other", "/api/other"), null, 0));
        using var refresher = Refresher(table);

        await refresher.StartAsync(CancellationToken.None);

        Assert.Equal(CorsRejection.NoPolicy, refresher.Current.Policies.Resolve("/api/other").Rejection);
        await refresher.StopAsync(CancellationToken.None);
    }
}
