using System.Diagnostics;
using Azure.Data.Tables;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// The refresh against a real Table Storage emulator (<c>--azurite CONNECTION</c>, run by scripts/measure-refresh.sh):
/// the app's table store, row mapper, loader and retry settings over 10, 1,000 and 10,000 stored simple policies.
/// Wall time and process CPU time (every thread of this process: the loader, the SDK, the GC) per operation, the
/// median of several runs. Azurite runs in its own process, so its CPU is not counted.
/// </summary>
internal static class AzuriteRefresh
{
    private const int QuietRuns = 20;
    private const int FullRuns = 5;

    public static async Task<int> RunAsync(string connectionString, TextWriter output)
    {
        var service = new TableServiceClient(connectionString, TableRetry.CreateOptions());
        output.WriteLine("| stored policies | first load | unchanged refresh | full read, nothing changed | one row changed |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        // The first pass (10 rows, not printed) only warms up: JIT and the SDK's first connection.
        foreach (var (count, print) in new[] { (10, false), (10, true), (1_000, true), (10_000, true) })
        {
            var table = service.GetTableClient($"Refresh{count}x{Guid.NewGuid():N}"[..40]);
            await table.CreateAsync();
            try
            {
                var store = new TablePolicyStore(table, Options.Create(new CorsPolicyOptions { TableName = table.Name, PartitionKey = RefreshScenario.PolicySet }));
                await SeedAsync(table, store, count);
                var figures = await MeasureAsync(table, store, count);
                if (print)
                {
                    output.WriteLine($"| {count:N0} | {figures} |");
                }
            }
            finally
            {
                await table.DeleteAsync();
            }
        }

        return 0;
    }

    private static async Task<string> MeasureAsync(TableClient table, TablePolicyStore store, int count)
    {
        var time = new RefreshScenario.FrozenTime();
        var first = await TimeAsync(1, async () =>
        {
            using var cold = RefreshScenario.Loader(store, time, out _);
            await RefreshAsync(cold);
        });
        using var loader = RefreshScenario.Loader(store, time, out var snapshot);
        await RefreshAsync(loader);
        var quiet = await TimeAsync(QuietRuns, () => RefreshAsync(loader));
        var full = await TimeAsync(FullRuns, async () =>
        {
            // A marker without a log (as an older writer leaves it) costs what the full read every FullReloadMinutes costs.
            await table.UpsertEntityAsync(new TableEntity(RefreshScenario.PolicySet, TablePolicyStore.ChangeMarkerRowKey), TableUpdateMode.Replace);
            return () => RefreshAsync(loader);
        });
        var changes = 0;
        var changedId = RefreshScenario.SimplePolicy(0).Id;
        // Untimed: the first logged write after a marker without a log is read in full; from then on the log is followed.
        await store.MarkChangedAsync(changedId, CancellationToken.None);
        await RefreshAsync(loader);
        var changed = await TimeAsync(FullRuns, async () =>
        {
            // The write itself is not counted: what is measured is the refresh of every other instance after it.
            await store.SaveAsync(RefreshScenario.SimplePolicy(0, maxAge: 600 + (++changes % 2)), 0, WriteCondition.None, CancellationToken.None);
            await store.MarkChangedAsync(changedId, CancellationToken.None);
            return () => RefreshAsync(loader);
        });
        if (snapshot.Current.Policies.Entries.Count != count)
        {
            throw new InvalidOperationException($"loaded {snapshot.Current.Policies.Entries.Count} policies, stored {count}");
        }

        return string.Join(" | ", first, quiet, full, changed);
    }

    private static async Task RefreshAsync(PolicySnapshotLoader loader)
    {
        if (!await loader.RefreshAsync(CancellationToken.None))
        {
            throw new InvalidOperationException("a refresh failed");
        }
    }

    /// <summary>The median wall and CPU time of <paramref name="runs"/> runs of <paramref name="operation"/>.</summary>
    private static Task<string> TimeAsync(int runs, Func<Task> operation) => TimeAsync(runs, async () =>
    {
        await Task.CompletedTask;
        return operation;
    });

    /// <summary>The median of <paramref name="runs"/> runs of what <paramref name="prepare"/> returns; preparing is not timed.</summary>
    private static async Task<string> TimeAsync(int runs, Func<Task<Func<Task>>> prepare)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var operation = await prepare();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await operation();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return $"{Median(wall):F1} ms wall, {Median(cpu):F1} ms CPU";
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static async Task SeedAsync(TableClient table, TablePolicyStore store, int count)
    {
        // Entity group transactions hold at most 100 rows of one partition.
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                PolicyEntityMapper.ToEntity(RefreshScenario.PolicySet, RefreshScenario.SimplePolicy(i), null, 0))));
        }

        await store.MarkChangedAsync(RefreshScenario.SimplePolicy(0).Id, CancellationToken.None);
    }
}
