using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Explains a CORS decision: the tool an operator uses to see why a browser is refused, or what a proposed policy
/// would change before saving it. It takes the decision through the middleware's own code path
/// (<see cref="CorsEvaluation"/>) and writes the headers with the middleware's own sink, from the snapshot in force
/// (or that snapshot with the proposed policy in place), and beside it what a report-only policy of the path would
/// decide. Unlike the middleware it neither counts nor logs, and it
/// evaluates the preflight whenever a method is given, even where a browser would send none (a safelisted method
/// without non-safelisted headers). Shared by the management API's <c>cors-check</c> (CorsFunctions.Worker.Management)
/// and the CLI's <c>check</c>.
/// </summary>
internal static class CorsCheckHandler
{
    /// <summary>
    /// The decisions for <paramref name="request"/> (whose path and origin are set, and whose proposed policy, if
    /// any, has an id) in <paramref name="snapshot"/>: the enforced ones and, beside them, those of a report-only
    /// policy of the path. The CLI's <c>check</c> explains a snapshot built from a file or a table with it.
    /// </summary>
    public static CorsCheckResponse Explain(PolicySnapshot snapshot, CorsCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var proposed = request.Policy?.ToDefinition(request.Policy.Id!);
        if (proposed is not null)
        {
            snapshot = snapshot with { Policies = WithProposal(snapshot.Policies, PolicyCompiler.Compile(proposed)) };
        }

        var preflight = request.Method is null ? null : Preflight(snapshot, request);
        var actual = CorsEvaluation.ActualRequest(snapshot, request.Path!, request.Origin!, out var match);
        return new CorsCheckResponse(snapshot.LoadedAt, Describe(match, proposed?.Id), preflight,
            Decision(actual.IsAllowed, actual.Rejection, null, sink => actual.WriteTo(ref sink)), ReportOnly(snapshot, request, proposed?.Id));
    }

    /// <summary>What the report-only policy of the path would decide, beside the enforced decisions; null when none governs it.</summary>
    private static CorsCheckReportOnly? ReportOnly(PolicySnapshot snapshot, CorsCheckRequest request, string? proposedId)
    {
        var actual = CorsEvaluation.ReportOnlyActualRequest(snapshot, request.Path!, request.Origin!, out var match);
        if (Describe(match, proposedId) is not { } policy)
        {
            return null;
        }

        CorsCheckDecision? preflight = null;
        if (request.Method is not null)
        {
            var result = CorsEvaluation.ReportOnlyPreflight(snapshot, request.Path!, request.Origin!, request.Method, RequestHeaders(request),
                PrivateNetwork(request), out _);
            preflight = Decision(result, sink => result.WriteTo(ref sink));
        }

        return new CorsCheckReportOnly(policy, preflight, Decision(actual.IsAllowed, actual.Rejection, null, sink => actual.WriteTo(ref sink)));
    }

    private static CorsCheckDecision Preflight(PolicySnapshot snapshot, CorsCheckRequest request)
    {
        // What a browser sends: the names joined by ',' in Access-Control-Request-Headers, "true" for private network.
        var result = CorsEvaluation.Preflight(snapshot, request.Path!, request.Origin!, request.Method!, RequestHeaders(request),
            PrivateNetwork(request), out _);
        return Decision(result, sink => result.WriteTo(ref sink));
    }

    private static string? RequestHeaders(CorsCheckRequest request) => request.Headers is { Count: > 0 } headers ? string.Join(",", headers) : null;

    private static string? PrivateNetwork(CorsCheckRequest request) => request.PrivateNetwork ? "true" : null;

    private static PolicySet WithProposal(PolicySet current, PolicyCompilation proposal) =>
        PolicySet.Create(current.Entries.Select(e => e.Compilation).Concat(current.Skipped)
            .Where(c => !string.Equals(c.Id, proposal.Id, StringComparison.Ordinal))
            .Append(proposal));

    private static CorsCheckPolicy? Describe(PolicyMatch match, string? proposedId) => match.Entry is { } entry
        ? new CorsCheckPolicy(entry.Id, match.Route?.Text, entry.Policy is not null,
            entry.Compilation.Errors.Count == 0 ? null : [.. entry.Compilation.Errors.Select(PolicyErrorDocument.From)],
            string.Equals(entry.Id, proposedId, StringComparison.Ordinal), entry.Compilation.Definition.Debug)
        : null;

    private static CorsCheckDecision Decision(in Core.Evaluation.PreflightResult result, Action<HttpHeadersSink> write) =>
        Decision(result.IsAllowed, result.Rejection, result.Detail, write) with { DebugAnswer = result.IsDebugAnswer ? true : null };

    private static CorsCheckDecision Decision(bool allowed, Core.Evaluation.CorsRejection reason, string? detail, Action<HttpHeadersSink> write)
    {
        var headers = new HttpHeadersCollection();
        write(new HttpHeadersSink(headers));
        return new CorsCheckDecision(allowed, reason, detail,
            headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));
    }
}
