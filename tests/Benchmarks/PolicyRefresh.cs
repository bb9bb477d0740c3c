using BenchmarkDotNet.Attributes;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Issue 24: what the background refresh costs at 10, 1,000 and 10,000 simple policies. A first load reads and compiles
/// every row; an unchanged refresh reads only the change marker; a full read of an unchanged set (every FullReloadMinutes,
/// or after a marker without a usable log) maps every row and compiles none; a refresh after one write reads that row
/// alone, compiles it and changes the route index around it.
/// </summary>
[MemoryDiagnoser]
public class PolicyRefresh
{
    private readonly RefreshScenario.FrozenTime _time = new();
    private RefreshScenario.InMemoryPageSource _source = null!;
    private PolicySnapshotLoader _loader = null!;
    private int _changes;

    [Params(10, 1000, 10000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = new RefreshScenario.InMemoryPageSource(Rows);
        _loader = RefreshScenario.Loader(_source, _time, out _);
        if (!_loader.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the first load failed");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _loader.Dispose();

    [Benchmark]
    public bool FirstLoad()
    {
        using var loader = RefreshScenario.Loader(_source, _time, out _);
        return loader.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public bool RefreshUnchanged() => _loader.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark]
    public bool FullReadUnchanged()
    {
        _source.MoveMarkerWithoutLog();
        return _loader.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public bool RefreshOneRowChanged()
    {
        // Alternates the max age, so every call is a real change of one row.
        _source.Replace(0, RefreshScenario.SimplePolicy(0, maxAge: 600 + (++_changes % 2)));
        return _loader.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
