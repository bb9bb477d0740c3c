using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Routing;

/// <summary>One policy of a set: compiled, or invalid (its routes then refuse every CORS request).</summary>
public sealed class PolicySetEntry
{
    internal PolicySetEntry(PolicyCompilation compilation) => Compilation = compilation;

    /// <summary>The compilation outcome.</summary>
    public PolicyCompilation Compilation { get; }

    /// <summary>The policy id.</summary>
    public string Id => Compilation.Id;

    /// <summary>Whether the policy is enforced or report-only.</summary>
    public PolicyMode Mode => Compilation.Definition.Mode;

    /// <summary>The compiled policy, or null when it is invalid.</summary>
    public CorsPolicy? Policy => Compilation.Policy;
}
