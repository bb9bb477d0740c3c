using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using Microsoft.AspNetCore.Http;
using CorsPolicy = CorsFunctions.Core.Policies.CorsPolicy;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// Feeds Core from an ASP.NET Core request, so Core pays for reading the request headers exactly as
/// CorsService does (it reads them from the same <see cref="HttpContext"/>).
/// </summary>
public static class CoreOnAspNetCore
{
    public static PreflightResult EvaluatePreflight(this CorsPolicy policy, HttpRequest request)
    {
        var headers = request.Headers;
        var lines = headers.AccessControlRequestHeaders;
        string? privateNetwork = headers[CorsHeaderNames.RequestPrivateNetwork];

        // Several Access-Control-Request-Headers lines: hand over StringValues' own array (no copy).
        return lines.Count > 1
            ? policy.EvaluatePreflight(headers.Origin, headers.AccessControlRequestMethod, (string?[])lines!, privateNetwork)
            : policy.EvaluatePreflight(headers.Origin, headers.AccessControlRequestMethod, (string?)lines, privateNetwork);
    }

    public static ActualRequestResult EvaluateActualRequest(this CorsPolicy policy, HttpRequest request) =>
        policy.EvaluateActualRequest(request.Headers.Origin.ToString());
}
