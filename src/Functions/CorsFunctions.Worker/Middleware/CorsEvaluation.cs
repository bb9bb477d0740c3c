using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The decision itself, shared by the middleware and <c>cors-check</c> so both always answer alike: resolve the path
/// in a snapshot, then let the matched policy decide, or refuse with the reason no policy could.
/// </summary>
internal static class CorsEvaluation
{
    /// <summary>The answer to a preflight for <paramref name="path"/>, and the match it came from.</summary>
    public static PreflightResult Preflight(PolicySnapshot snapshot, string path, string origin, string requestMethod, string? requestHeaders,
        string? requestPrivateNetwork, out PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        match = snapshot.Policies.Resolve(path);
        return match.Policy is { } policy
            ? policy.EvaluatePreflight(origin, requestMethod, requestHeaders, requestPrivateNetwork)
            : PreflightResult.Reject(match.Rejection, WhyNoPolicy(match, snapshot));
    }

    /// <summary>The headers for the response of an actual request to <paramref name="path"/>, and the match they came from.</summary>
    public static ActualRequestResult ActualRequest(PolicySnapshot snapshot, string path, string origin, out PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        match = snapshot.Policies.Resolve(path);
        return match.Policy?.EvaluateActualRequest(origin) ?? ActualRequestResult.Reject(match.Rejection);
    }

    private static string WhyNoPolicy(PolicyMatch match, PolicySnapshot snapshot) => match.Rejection switch
    {
        CorsRejection.InvalidPolicy => "the policy for this path is invalid; its routes refuse CORS until it is fixed",
        _ when !snapshot.IsLoaded => "no policy loaded yet (the store has not been read)",
        _ => "no policy governs this path",
    };
}
