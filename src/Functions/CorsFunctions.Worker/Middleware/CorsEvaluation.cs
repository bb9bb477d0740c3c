using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The decision itself, shared by the middleware and <c>cors-check</c> so both always answer alike: resolve the path
/// in a snapshot, then let the matched policy decide, or refuse with the reason no policy could; and beside it, what a
/// report-only policy of the path would decide.
/// </summary>
internal static class CorsEvaluation
{
    /// <summary>The answer to a preflight for <paramref name="path"/>, and the match it came from.</summary>
    public static PreflightResult Preflight(PolicySnapshot snapshot, string path, string origin, string requestMethod, string? requestHeaders,
        string? requestPrivateNetwork, out PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        match = snapshot.Policies.Resolve(path);
        return Preflight(match, snapshot, origin, requestMethod, requestHeaders, requestPrivateNetwork);
    }

    /// <summary>
    /// What the report-only policy of <paramref name="path"/> would answer to the preflight, never sent;
    /// <paramref name="match"/> has no entry when no report-only policy governs the path.
    /// </summary>
    public static PreflightResult ReportOnlyPreflight(PolicySnapshot snapshot, string path, string origin, string requestMethod,
        string? requestHeaders, string? requestPrivateNetwork, out PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        match = snapshot.Policies.ResolveReportOnly(path);
        return Preflight(match, snapshot, origin, requestMethod, requestHeaders, requestPrivateNetwork);
    }

    /// <summary>The headers for the response of an actual request to <paramref name="path"/>, and the match they came from.</summary>
    public static ActualRequestResult ActualRequest(PolicySnapshot snapshot, string path, string origin, out PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        match = snapshot.Policies.Resolve(path);
        return ActualRequest(match, origin);
    }

    /// <summary>
    /// What the report-only policy of <paramref name="path"/> would decide for an actual request, never written;
    /// <paramref name="match"/> has no entry when no report-only policy governs the path.
    /// </summary>
    public static ActualRequestResult ReportOnlyActualRequest(PolicySnapshot snapshot, string path, string origin, out PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        match = snapshot.Policies.ResolveReportOnly(path);
        return ActualRequest(match, origin);
    }

    private static PreflightResult Preflight(PolicyMatch match, PolicySnapshot snapshot, string origin, string requestMethod,
        string? requestHeaders, string? requestPrivateNetwork) =>
        match.Policy is { } policy
            ? policy.EvaluatePreflight(origin, requestMethod, requestHeaders, requestPrivateNetwork)
            : PreflightResult.Reject(match.Rejection, WhyNoPolicy(match, snapshot));

    private static ActualRequestResult ActualRequest(PolicyMatch match, string origin) =>
        match.Policy?.EvaluateActualRequest(origin) ?? ActualRequestResult.Reject(match.Rejection);

    private static string WhyNoPolicy(PolicyMatch match, PolicySnapshot snapshot) => match.Rejection switch
    {
        CorsRejection.InvalidPolicy => "the policy for this path is invalid; its routes refuse CORS until it is fixed",
        _ when !snapshot.IsLoaded => "no policy loaded yet (the store has not been read)",
        _ => "no policy governs this path",
    };
}
