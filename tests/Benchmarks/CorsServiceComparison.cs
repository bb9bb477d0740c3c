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
/// Core against ASP.NET Core's CorsService on the same policy and request, per scenario. "Decide" only
/// decides; "DecideAndWrite" also writes the response headers into the same <see cref="HeaderDictionary"/>
/// (the context's response headers, cleared first on both sides). CorsService is the baseline of each group.
/// Core takes the request values as strings (its API); the "Read" variant first reads them from the same
/// <see cref="HttpContext"/> CorsService reads, so the end-to-end cost is compared too; "WriteOnly" writes a
/// decision made in setup, to show how much of "DecideAndWrite" is HeaderDictionary itself.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class CorsServiceComparison
{
    private const string Decide = "Decide";
    private const string DecideAndWrite = "DecideAndWrite";

    private CorsService _service = null!;
    private AspNetCorsPolicy _aspNet = null!;
    private DefaultHttpContext _context = null!;
    private CoreCorsPolicy _core = null!;
    private CorsScenario _request = null!;
    private PreflightResult _preflight;
    private ActualRequestResult _actual;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    public static IEnumerable<string> Scenarios => CorsScenario.All.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        _request = CorsScenario.Get(Scenario);
        _service = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
        _aspNet = _request.BuildAspNet();
        _context = _request.CreateContext();
        _core = _request.CompileCore();
        _preflight = _core.EvaluatePreflight(_request.Origin, _request.RequestMethod, _request.RequestHeaders);
        _actual = _core.EvaluateActualRequest(_request.Origin);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Decide)]
    public CorsResult CorsService_Decide() => _service.EvaluatePolicy(_context, _aspNet);

    [Benchmark, BenchmarkCategory(Decide)]
    public CorsRejection Core_Decide() => _request.IsPreflight
        ? _core.EvaluatePreflight(_request.Origin, _request.RequestMethod, _request.RequestHeaders).Rejection
        : _core.EvaluateActualRequest(_request.Origin).Rejection;

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
        var sink = ClearedResponseSink();
        if (_request.IsPreflight)
        {
            _core.EvaluatePreflight(_request.Origin, _request.RequestMethod, _request.RequestHeaders).WriteTo(ref sink);
        }
        else
        {
            _core.EvaluateActualRequest(_request.Origin).WriteTo(ref sink);
        }
    }

    [Benchmark, BenchmarkCategory(DecideAndWrite)]
    public void Core_ReadDecideAndWrite()
    {
        var sink = ClearedResponseSink();
        if (_request.IsPreflight)
        {
            _core.EvaluatePreflight(_context.Request).WriteTo(ref sink);
        }
        else
        {
            _core.EvaluateActualRequest(_context.Request).WriteTo(ref sink);
        }
    }

    /// <summary>Only the write of Core's decision, made in setup: what HeaderDictionary itself costs.</summary>
    [Benchmark, BenchmarkCategory(DecideAndWrite)]
    public void Core_WriteOnly()
    {
        var sink = ClearedResponseSink();
        if (_request.IsPreflight)
        {
            _preflight.WriteTo(ref sink);
        }
        else
        {
            _actual.WriteTo(ref sink);
        }
    }

    private HeaderDictionarySink ClearedResponseSink()
    {
        var headers = _context.Response.Headers;
        headers.Clear();
        return new HeaderDictionarySink(headers);
    }
}
