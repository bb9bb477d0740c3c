using BenchmarkDotNet.Attributes;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Benchmarks;

/// <summary>Core alone: the part of a one-row change that is Core's, PolicySet.With rebuilding the route index around one new compilation.</summary>
[MemoryDiagnoser]
public class PolicySetChange
{
    private PolicySet _set = null!;
    private PolicyCompilation _changed = null!;

    [Params(10, 1000, 10000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _set = PolicySet.Create(Enumerable.Range(0, Rows).Select(i => RefreshScenario.SimplePolicy(i)));
        _changed = PolicyCompiler.Compile(RefreshScenario.SimplePolicy(0, maxAge: 601));
    }

    [Benchmark]
    public PolicySet WithOneChanged() => _set.With([_changed], []);
}
