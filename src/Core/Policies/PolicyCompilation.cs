using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Policies;

/// <summary>
/// The outcome of compiling one definition: the policy, or every error. The readable route patterns are
/// kept even when the policy is invalid, so its routes can fail closed instead of falling to a wider policy.
/// </summary>
public sealed class PolicyCompilation
{
    internal PolicyCompilation(CorsPolicyDefinition definition, IReadOnlyList<RoutePattern> routes, CorsPolicy? policy,
        IReadOnlyList<PolicyError> errors)
    {
        Definition = definition;
        Routes = routes;
        Policy = policy;
        Errors = errors;
    }

    /// <summary>The definition that was compiled.</summary>
    public CorsPolicyDefinition Definition { get; }

    /// <summary>The policy id.</summary>
    public string Id => Definition.Id;

    /// <summary>The route patterns that could be read (all of them when the policy compiled).</summary>
    public IReadOnlyList<RoutePattern> Routes { get; }

    /// <summary>The compiled policy, or null when there are errors.</summary>
    public CorsPolicy? Policy { get; }

    /// <summary>Every error found; empty when the policy compiled.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>Whether the definition compiled.</summary>
    public bool Succeeded => Policy is not null;
}
