using BenchmarkDotNet.Attributes;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Scenario g, Core alone: CorsService has no routing of its own (ASP.NET Core endpoint routing picks
/// the policy name before it runs), so the comparison is Core with 10 policies against Core with 1,000.
/// </summary>
[MemoryDiagnoser]
public class RouteResolution
{
    private PolicySet _set = null!;
    private string _path = "";

    [Params(10, 1000)]
    public int Policies { get; set; }

    [ParamsSource(nameof(PathKinds))]
    public string Path { get; set; } = "";

    public static IEnumerable<string> PathKinds => RouteScenario.PathKinds;

    [GlobalSetup]
    public void Setup()
    {
        _set = RouteScenario.CreateSet(Policies);
        _path = RouteScenario.Request(Path, Policies).Path;
    }

    [Benchmark]
    public PolicyMatch Resolve() => _set.Resolve(_path);
}
