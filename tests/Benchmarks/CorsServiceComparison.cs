using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CorsFunctions.Core.Evaluation;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AspNetCorsPolicy = Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy;
using CoreCorsPolicy = CorsFunctions.Core.Policies.CorsPolicy;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Core against ASP.NET Core's CorsService on the same policy and the same <see cref="HttpContext"/>,
/// per scenario: "Decide" reads the request and decides; "DecideAndWrite" also writes the response
/// headers into the context's <see cref="HeaderDictionary"/>. CorsService is the baseline of each pair.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class CorsServiceComparison
{
    private const string Decide = "Decide";
    private const string DecideAndWrite = "DecideAndWrite";

    private CorsService _service = null!;
    private CoreCorsPolicy _core = null!;
    private AspNetCorsPolicy _aspNet = null!;
    private DefaultHttpContext _context = null!;
    private bool _isPreflight;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    public static IEnumerable<string> Scenarios => CorsScenario.All.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        var scenario = CorsScenario.Get(Scenario);
        _service = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
        _core = scenario.CompileCore();
        _aspNet = scenario.BuildAspNet();
        _context = scenario.CreateContext();
        _isPreflight = scenario.IsPreflight;
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Decide)]
    public CorsResult CorsService_Decide() => _service.EvaluatePolicy(_context, _aspNet);

    [Benchmark, BenchmarkCategory(Decide)]
    public CorsRejection Core_Decide() =>
        _isPreflight ? _core.EvaluatePreflight(_context.Request).Rejection : _core.EvaluateActualRequest(_context.Request).Rejection;

    [Benchmark(Baseline = true), BenchmarkCategory(DecideAndWrite)]
    public void CorsService_DecideAndWrite()
    {
        var response = _context.Response;
        response.Headers.Clear();
        _service.ApplyResult(_service.EvaluatePolicy(_context, _aspNet), response);
    }

    [Benchmark, BenchmarkCategory(DecideAndWrite)]
    public void Core_DecideAndWrite()
    {
        var headers = _context.Response.Headers;
        headers.Clear();
        var sink = new HeaderDictionarySink(headers);
        if (_isPreflight)
        {
            _core.EvaluatePreflight(_context.Request).WriteTo(ref sink);
        }
        else
        {
            _core.EvaluateActualRequest(_context.Request).WriteTo(ref sink);
        }
    }
}
