namespace CorsFunctions.Core.Lint;

/// <summary>
/// The stable code of every warning <see cref="PolicyLinter"/> gives (<see cref="PolicyWarning.Code"/>). A code, once
/// published, keeps its meaning; docs/policies.md lists them all with an example each.
/// </summary>
public static class PolicyWarningCodes
{
    /// <summary>No <c>MaxAgeSeconds</c>: browsers cache the preflight for 5 seconds only and send it again after that.</summary>
    public const string MaxAgeMissing = "lint.max_age_missing";

    /// <summary>A route does not start with the host's route prefix, so no function path can match it.</summary>
    public const string RoutePrefixMissing = "lint.route_prefix_missing";

    /// <summary>No HTTP function of the app serves a path the route matches.</summary>
    public const string RouteUnreachable = "lint.route_unreachable";

    /// <summary><c>*</c> methods where every function the policy's routes reach lists its methods.</summary>
    public const string MethodsWiderThanNeeded = "lint.methods_wider_than_needed";

    /// <summary>A wildcard origin on a domain where a platform hosts other customers' sites.</summary>
    public const string OriginSharedDomain = "lint.origin_shared_domain";

    /// <summary>Debug mode is on: a refused preflight shows any allowed origin's page the policy's lists.</summary>
    public const string DebugOn = "lint.debug_on";
}
