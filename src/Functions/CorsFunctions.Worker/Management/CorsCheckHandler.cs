using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Management;

/// <summary>The body of <c>POST cors-check</c>: the request a browser would send.</summary>
/// <param name="Path">The request path, route prefix included (<c>/api/items/42</c>).</param>
/// <param name="Origin">The page's origin.</param>
/// <param name="Method">The method of the actual request; when given, the preflight for it is evaluated too.</param>
/// <param name="Headers">The request header names the page sets (the preflight's <c>Access-Control-Request-Headers</c>).</param>
/// <param name="PrivateNetwork">Whether the preflight asks for private-network access.</param>
internal sealed record CorsCheckRequest(string? Path, string? Origin, string? Method, IReadOnlyList<string>? Headers, bool PrivateNetwork);

/// <summary>The answer of <c>POST cors-check</c>.</summary>
/// <param name="SnapshotLoadedAt">When the policies in force were loaded; null: none yet, everything is refused.</param>
/// <param name="Policy">The policy that governs the path, or null.</param>
/// <param name="Preflight">The preflight decision, when a method was given.</param>
/// <param name="ActualRequest">The decision for the actual request's response.</param>
/// <param name="ReportOnly">What the report-only policy of the path would decide (only logged and counted), or null when there is none.</param>
internal sealed record CorsCheckResponse(DateTimeOffset? SnapshotLoadedAt, CorsCheckPolicy? Policy, CorsCheckDecision? Preflight, CorsCheckDecision ActualRequest,
    CorsCheckReportOnly? ReportOnly);

/// <summary>The decisions of the report-only policy that governs the path, beside the enforced ones.</summary>
/// <param name="Policy">The report-only policy that matched.</param>
/// <param name="Preflight">The preflight decision it would give, when a method was given.</param>
/// <param name="ActualRequest">The actual-request decision it would give.</param>
internal sealed record CorsCheckReportOnly(CorsCheckPolicy Policy, CorsCheckDecision? Preflight, CorsCheckDecision ActualRequest);

/// <summary>The policy that matched.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="Route">The route pattern that matched.</param>
/// <param name="Valid">Whether the policy compiled; an invalid policy refuses everything on its routes.</param>
/// <param name="Errors">Why it is invalid.</param>
internal sealed record CorsCheckPolicy(string Id, string? Route, bool Valid, IReadOnlyList<PolicyErrorDocument>? Errors);

/// <summary>One decision and the response headers it sends.</summary>
/// <param name="Allowed">Whether the browser lets the page through.</param>
/// <param name="Reason">Why it was refused, or <see cref="CorsRejection.None"/>.</param>
/// <param name="Detail">What exactly was refused (e.g. the header name), when known.</param>
/// <param name="Headers">The CORS headers the response would carry.</param>
internal sealed record CorsCheckDecision(bool Allowed, CorsRejection Reason, string? Detail, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Explains a CORS decision from the snapshot in force, exactly as the middleware would take it: the tool an
/// operator uses to see why a browser is refused.
/// </summary>
internal sealed class CorsCheckHandler(IPolicySnapshotSource snapshots)
{
    /// <summary>Evaluates the request in <paramref name="body"/>.</summary>
    public async Task<ManagementResult> CheckAsync(Stream body, CancellationToken cancellationToken)
    {
        var (request, problem) = await ManagementJson.ReadAsync<CorsCheckRequest>(body, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(request!.Path) || string.IsNullOrEmpty(request.Origin))
        {
            return ManagementResult.Problem(400, "Incomplete request", "'path' and 'origin' are required; 'method', 'headers' and 'privateNetwork' are optional.");
        }

        return new ManagementResult(200, Explain(snapshots.Current, request));
    }

    /// <summary>
    /// The decisions for <paramref name="request"/> (whose path and origin are set) in <paramref name="snapshot"/>,
    /// the enforced ones and, beside them, those of a report-only policy of the path.
    /// </summary>
    public static CorsCheckResponse Explain(PolicySnapshot snapshot, CorsCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var match = snapshot.Policies.Resolve(request.Path);
        var reportOnly = snapshot.Policies.ResolveReportOnly(request.Path);
        return new CorsCheckResponse(snapshot.LoadedAt, Describe(match), Preflight(match, request), Actual(match, request.Origin!),
            Describe(reportOnly) is { } policy ? new CorsCheckReportOnly(policy, Preflight(reportOnly, request), Actual(reportOnly, request.Origin!)) : null);
    }

    private static CorsCheckPolicy? Describe(PolicyMatch match) => match.Entry is { } entry
        ? new CorsCheckPolicy(entry.Id, match.Route?.Text, entry.Policy is not null,
            entry.Compilation.Errors.Count == 0 ? null : [.. entry.Compilation.Errors.Select(PolicyErrorDocument.From)])
        : null;

    private static CorsCheckDecision? Preflight(PolicyMatch match, CorsCheckRequest request)
    {
        if (request.Method is null)
        {
            return null;
        }

        var result = match.Policy is { } policy
            ? policy.EvaluatePreflight(request.Origin, request.Method,
                request.Headers is { Count: > 0 } headers ? string.Join(",", headers) : null,
                request.PrivateNetwork ? "true" : null)
            : PreflightResult.Reject(match.Rejection);
        var sink = new DictionarySink();
        result.WriteTo(ref sink);
        return new CorsCheckDecision(result.IsAllowed, result.Rejection, result.Detail, sink.Headers);
    }

    private static CorsCheckDecision Actual(PolicyMatch match, string origin)
    {
        var result = match.Policy is { } policy ? policy.EvaluateActualRequest(origin) : ActualRequestResult.Reject(match.Rejection);
        var sink = new DictionarySink();
        result.WriteTo(ref sink);
        return new CorsCheckDecision(result.IsAllowed, result.Rejection, null, sink.Headers);
    }

    /// <summary>Collects the headers a decision writes.</summary>
    private readonly struct DictionarySink() : ICorsHeaderSink
    {
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void SetHeader(string name, string value) => Headers[name] = value;

        public void AppendVary(string value)
        {
            if (VaryHeader.Append(Headers.GetValueOrDefault(Core.CorsHeaderNames.Vary), value) is { } vary)
            {
                Headers[Core.CorsHeaderNames.Vary] = vary;
            }
        }
    }
}
