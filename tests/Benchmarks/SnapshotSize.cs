using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Bytes one simple policy keeps alive (<c>--snapshot-bytes</c>): the heap after a full GC with the loaded snapshot and
/// the loader's record of what it read, less the heap before the load, divided by the number of policies. The rows of the
/// page source (the table's side) are built before the first measurement, so they are not counted; the definitions the
/// loader maps from them are, as the app keeps them.
/// </summary>
internal static class SnapshotSize
{
    public static void Run(TextWriter output)
    {
        output.WriteLine("| policies | bytes per policy: snapshot and loader state | of which compiled set (definitions not counted) |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var count in new[] { 1_000, 10_000 })
        {
            var source = new RefreshScenario.InMemoryPageSource(count);
            var stored = source.ListAsync(CancellationToken.None).GetAwaiter().GetResult();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            using var loader = RefreshScenario.Loader(source, new RefreshScenario.FrozenTime(), out var snapshot);
            loader.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
            var withLoader = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(snapshot);

            // The compiled set alone, from definitions read beforehand: compiled policies, entries and route index.
            before = GC.GetTotalMemory(forceFullCollection: true);
            var set = PolicySet.Create(stored.Select(p => p.Compile()));
            var setAlone = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(set);
            GC.KeepAlive(loader);
            output.WriteLine($"| {count:N0} | {withLoader / count:N0} | {setAlone / count:N0} |");
        }
    }
}
