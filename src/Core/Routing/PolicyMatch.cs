using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Routing;

/// <summary>Which policy governs a request path, if any.</summary>
public readonly struct PolicyMatch
{
    internal PolicyMatch(PolicySetEntry? entry, RoutePattern? route)
    {
        Entry = entry;
        Route = route;
    }

    /// <summary>The matched entry, or null when no policy governs the path.</summary>
    public PolicySetEntry? Entry { get; }

    /// <summary>The route pattern that matched.</summary>
    public RoutePattern? Route { get; }

    /// <summary>The policy to evaluate with; null when there is none or it is invalid.</summary>
    public CorsPolicy? Policy => Entry?.Policy;

    /// <summary>The id of the matched policy (valid or not).</summary>
    public string? PolicyId => Entry?.Id;

    /// <summary><see cref="CorsRejection.None"/> when there is a policy to evaluate, else why every CORS request must be refused.</summary>
    public CorsRejection Rejection => Entry is null ? CorsRejection.NoPolicy
        : Entry.Policy is null ? CorsRejection.InvalidPolicy
        : CorsRejection.None;
}
