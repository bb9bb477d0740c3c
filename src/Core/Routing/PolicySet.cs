using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Routing;

/// <summary>
/// All policies of one app, immutable: resolves a request path to the most specific policy. An exact path
/// beats a pattern with <c>*</c>, which beats a pattern ending in <c>**</c>, which beats the default
/// <c>/**</c>. When two policies name the same pattern the lower id (ordinal) wins, on every instance.
/// </summary>
public sealed class PolicySet
{
    private readonly RouteTrie<PolicySetEntry>[] _tries;

    private PolicySet(IReadOnlyList<PolicySetEntry> entries, IReadOnlyList<PolicyCompilation> skipped, IReadOnlyList<RouteConflict> conflicts)
    {
        Entries = entries;
        Skipped = skipped;
        Conflicts = conflicts;

        var routes = entries
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .SelectMany(e => e.Compilation.Routes.Select(r => (Pattern: r, Value: e)))
            .ToList();
        _tries = [.. Enum.GetValues<RoutePatternKind>().Select(kind => new RouteTrie<PolicySetEntry>(routes.Where(r => r.Pattern.Kind == kind)))];
    }

    /// <summary>An empty set: every path has no policy.</summary>
    public static PolicySet Empty { get; } = Create(Array.Empty<PolicyCompilation>());

    /// <summary>The policies in force (valid or failing closed), ordered by id.</summary>
    public IReadOnlyList<PolicySetEntry> Entries { get; }

    /// <summary>Invalid policies whose routes could not even be read: they govern nothing.</summary>
    public IReadOnlyList<PolicyCompilation> Skipped { get; }

    /// <summary>Patterns named by more than one policy, with the policy that won.</summary>
    public IReadOnlyList<RouteConflict> Conflicts { get; }

    /// <summary>
    /// Builds a set from compiled definitions. Disabled definitions are left out; invalid ones keep their
    /// readable routes and refuse every CORS request there; invalid ones without a readable route are skipped.
    /// </summary>
    public static PolicySet Create(IEnumerable<PolicyCompilation> compilations)
    {
        ArgumentNullException.ThrowIfNull(compilations);
        var inForce = new List<PolicySetEntry>();
        var skipped = new List<PolicyCompilation>();
        foreach (var compilation in compilations.Where(c => c.Definition.Enabled).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (compilation.Routes.Count == 0)
            {
                skipped.Add(compilation);
            }
            else
            {
                inForce.Add(new PolicySetEntry(compilation));
            }
        }

        var conflicts = inForce
            .SelectMany(e => e.Compilation.Routes.Select(r => (Route: r.Text, e.Id)))
            .GroupBy(r => r.Route, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => new RouteConflict(g.Key, g.First().Id, [.. g.Skip(1).Select(r => r.Id)]))
            .ToList();
        return new PolicySet(inForce, skipped, conflicts);
    }

    /// <summary>Compiles and builds in one step (see <see cref="Create(IEnumerable{PolicyCompilation})"/>).</summary>
    public static PolicySet Create(IEnumerable<CorsPolicyDefinition> definitions) =>
        Create(definitions.Select(PolicyCompiler.Compile));

    /// <summary>
    /// Finds the policy for a request path (<c>/api/items/42</c>). The comparison ignores case, the query
    /// string and a trailing slash. Allocates nothing.
    /// </summary>
    public PolicyMatch Resolve(ReadOnlySpan<char> path)
    {
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        path = path.TrimEnd('/');
        if (!path.IsEmpty && path[0] != '/')
        {
            return default;
        }

        foreach (var trie in _tries)
        {
            if (trie.Match(path) is { } match)
            {
                return new PolicyMatch(match.Value, match.Pattern);
            }
        }

        return default;
    }
}
