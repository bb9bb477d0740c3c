using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Routing;

/// <summary>
/// All policies of one app, immutable: resolves a request path to the most specific policy. An exact path
/// beats a pattern with <c>*</c>, which beats a pattern ending in <c>**</c>, which beats the default
/// <c>/**</c>. When two policies name the same pattern the lower id (ordinal) wins, on every instance.
/// </summary>
public sealed class PolicySet
{
    private readonly RouteTrie<PolicySetEntry>[] _enforced;
    private readonly RouteTrie<PolicySetEntry>[] _reportOnly;

    private PolicySet(IReadOnlyList<PolicySetEntry> entries, IReadOnlyList<PolicyCompilation> skipped, IReadOnlyList<RouteConflict> conflicts)
    {
        Entries = entries;
        Skipped = skipped;
        Conflicts = conflicts;
        // A mode that is not ReportOnly (an invalid one included) is enforced: an invalid policy fails closed on its routes.
        _enforced = BuildTries(entries.Where(e => e.Mode != PolicyMode.ReportOnly));
        _reportOnly = BuildTries(entries.Where(e => e.Mode == PolicyMode.ReportOnly));
    }

    /// <summary>An empty set: every path has no policy.</summary>
    public static PolicySet Empty { get; } = Create(Array.Empty<PolicyCompilation>());

    /// <summary>The policies in force (valid or failing closed), enforced and report-only, ordered by id.</summary>
    public IReadOnlyList<PolicySetEntry> Entries { get; }

    /// <summary>Invalid policies whose routes could not even be read: they govern nothing.</summary>
    public IReadOnlyList<PolicyCompilation> Skipped { get; }

    /// <summary>Patterns named by more than one policy of the same mode, with the policy that won.</summary>
    public IReadOnlyList<RouteConflict> Conflicts { get; }

    /// <summary>
    /// Builds a set from compiled definitions. Disabled definitions are left out; invalid ones keep their
    /// readable routes and refuse every CORS request there; invalid ones without a readable route are skipped.
    /// Enforced and report-only policies are resolved apart: a report-only policy never takes a route from an
    /// enforced one, and conflicts are only between policies of the same mode.
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

        // Entries are in id order, so the first policy naming a route (in its mode) is the one that governs it.
        var conflicts = inForce
            .SelectMany(e => e.Compilation.Routes.Select(r => (Route: r.Text, e.Id, e.Mode)))
            .GroupBy(r => r.Route, StringComparer.OrdinalIgnoreCase)
            .SelectMany(byRoute => byRoute.GroupBy(r => r.Mode))
            .Select(g => g.ToArray())
            .Where(routes => routes.Length > 1)
            .Select(routes => new RouteConflict(routes[0].Route, routes[0].Id, [.. routes[1..].Select(r => r.Id)]))
            .ToList();
        return new PolicySet(inForce, skipped, conflicts);
    }

    /// <summary>
    /// This set with <paramref name="changed"/> added or put in place of the policies with the same ids, and the
    /// policies named in <paramref name="removedIds"/> left out. Every other compilation is reused as it is: nothing is
    /// compiled again, only the route index and the conflicts are rebuilt. The result is what
    /// <see cref="Create(IEnumerable{PolicyCompilation})"/> builds from the same compilations.
    /// </summary>
    public PolicySet With(IEnumerable<PolicyCompilation> changed, IEnumerable<string> removedIds)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(removedIds);
        var changes = changed.ToList();
        var replaced = new HashSet<string>(removedIds, StringComparer.Ordinal);
        replaced.UnionWith(changes.Select(c => c.Id));
        var kept = Entries.Select(e => e.Compilation).Concat(Skipped).Where(c => !replaced.Contains(c.Id));
        return Create(kept.Concat(changes));
    }

    /// <summary>Compiles and builds in one step (see <see cref="Create(IEnumerable{PolicyCompilation})"/>).</summary>
    public static PolicySet Create(IEnumerable<CorsPolicyDefinition> definitions) =>
        Create(definitions.Select(PolicyCompiler.Compile));

    /// <summary>
    /// Finds the enforced policy for a request path (<c>/api/items/42</c>). The comparison ignores case, the query
    /// string and a trailing slash. Allocates nothing.
    /// </summary>
    public PolicyMatch Resolve(ReadOnlySpan<char> path) => Resolve(_enforced, path);

    /// <summary>
    /// Finds the report-only policy for a request path, resolved among the report-only policies alone exactly as
    /// <see cref="Resolve(ReadOnlySpan{char})"/> does among the enforced ones. Allocates nothing.
    /// </summary>
    public PolicyMatch ResolveReportOnly(ReadOnlySpan<char> path) => Resolve(_reportOnly, path);

    /// <summary>One trie per pattern kind, from <paramref name="entries"/> in id order (the first to name a pattern governs it).</summary>
    private static RouteTrie<PolicySetEntry>[] BuildTries(IEnumerable<PolicySetEntry> entries)
    {
        var routes = entries
            .SelectMany(e => e.Compilation.Routes.Select(r => (Pattern: r, Value: e)))
            .ToList();
        return [.. Enum.GetValues<RoutePatternKind>().Select(kind => new RouteTrie<PolicySetEntry>(routes.Where(r => r.Pattern.Kind == kind)))];
    }

    private static PolicyMatch Resolve(RouteTrie<PolicySetEntry>[] tries, ReadOnlySpan<char> path)
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

        foreach (var trie in tries)
        {
            if (trie.Match(path) is { } match)
            {
                return new PolicyMatch(match.Value, match.Pattern);
            }
        }

        return default;
    }
}
