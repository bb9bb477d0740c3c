using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Runs every scenario once through both engines, prints both decisions and the headers each wrote,
/// and fails when Core's decision is not the one the Fetch rules require: a benchmark of a wrong
/// answer would mean nothing. CorsService's answers are printed, not judged.
/// </summary>
public static class Verification
{
    public static bool Run(TextWriter output)
    {
        var service = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
        var ok = true;
        foreach (var scenario in CorsScenario.All)
        {
            var (coreRejection, coreHeaders) = RunCore(scenario);
            var aspNetHeaders = RunCorsService(scenario, service, out var aspNetAllowed);
            var coreRight = coreRejection == scenario.Expected && HasRightOrigin(coreHeaders, scenario);
            ok &= coreRight;

            output.WriteLine($"{scenario.Name,-6} {scenario.Description}");
            output.WriteLine($"       Core:        {(coreRejection == CorsRejection.None ? "allowed" : coreRejection.ToString()),-16} {Format(coreHeaders)}");
            output.WriteLine($"       CorsService: {(aspNetAllowed ? "allowed" : "origin refused"),-16} {Format(aspNetHeaders)}");
            output.WriteLine($"       {(coreRight ? "Core as required" : $"WRONG: Core must answer {scenario.Expected}")}"
                + $"{((coreRejection == CorsRejection.None) == aspNetAllowed ? "" : "; the engines disagree")}");
        }

        foreach (var count in new[] { 10, 1000 })
        {
            var set = RouteScenario.CreateSet(count);
            foreach (var kind in RouteScenario.PathKinds)
            {
                var (path, expectedId) = RouteScenario.Request(kind, count);
                var match = set.Resolve(path);
                var right = match.PolicyId == expectedId && match.Rejection == CorsRejection.None;
                ok &= right;
                output.WriteLine($"g      {count} policies, {kind} path {path} -> {match.PolicyId} via {match.Route}"
                    + (right ? "" : $"  WRONG: must be {expectedId}"));
            }
        }

        return ok;
    }

    private static (CorsRejection, IHeaderDictionary) RunCore(CorsScenario scenario)
    {
        var policy = scenario.CompileCore();
        var context = scenario.CreateContext();
        var sink = new HeaderDictionarySink(context.Response.Headers);
        CorsRejection rejection;
        if (scenario.IsPreflight)
        {
            var result = policy.EvaluatePreflight(context.Request);
            result.WriteTo(ref sink);
            rejection = result.Rejection;
        }
        else
        {
            var result = policy.EvaluateActualRequest(context.Request);
            result.WriteTo(ref sink);
            rejection = result.Rejection;
        }

        return (rejection, context.Response.Headers);
    }

    private static IHeaderDictionary RunCorsService(CorsScenario scenario, CorsService service, out bool allowed)
    {
        var context = scenario.CreateContext();
        var result = service.EvaluatePolicy(context, scenario.BuildAspNet());
        service.ApplyResult(result, context.Response);
        allowed = result.IsOriginAllowed;
        return context.Response.Headers;
    }

    /// <summary>Allowed: the exact request origin comes back. Refused: no Access-Control-Allow-Origin at all.</summary>
    private static bool HasRightOrigin(IHeaderDictionary headers, CorsScenario scenario) =>
        scenario.Expected == CorsRejection.None
            ? headers[CorsHeaderNames.AllowOrigin] == scenario.Origin
            : !headers.ContainsKey(CorsHeaderNames.AllowOrigin);

    private static string Format(IHeaderDictionary headers) =>
        headers.Count == 0 ? "(no headers)" : string.Join(" | ", headers.Select(h => $"{h.Key}: {h.Value}"));
}
