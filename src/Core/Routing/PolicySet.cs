using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Routing;

/// <summary>
/// All policies of one app, immutable: resolves a request path to the most specific policy. An exact path
/// beats a pattern with <c>*</c>, which beats a pattern ending in <c>**</c>, which beats the default
/// <c>/**</c>. When two policies name the same pattern the lower id (ordinal) wins, on every instance.
/// </summary>
public sealed class PolicySet
{
    private static readonly Comparison<PolicySetEntry> s_byId = (a, b) => string.CompareOrdinal(a.Id, b.Id);
    private static readonly RoutePatternKind[] s_kinds = Enum.GetValues<RoutePatternKind>();

    // Indexed by RoutePatternKind: one trie per kind, so every exact pattern is tried before any wildcard.
    private readonly RouteTrie<PolicySetEntry>[] _enforced;
    private readonly RouteTrie<PolicySetEntry>[] _reportOnly;
    private readonly PolicySetEntry[] _entries;
    private readonly PolicyCompilation[] _skipped;
    private readonly Conflict[] _conflicts;

    private PolicySet(PolicySetEntry[] entries, PolicyCompilation[] skipped, RouteTrie<PolicySetEntry>[] enforced,
        RouteTrie<PolicySetEntry>[] reportOnly, Conflict[] conflicts)
    {
        _entries = entries;
        _skipped = skipped;
        _enforced = enforced;
        _reportOnly = reportOnly;
        _conflicts = conflicts;
        Conflicts = [.. conflicts.Select(c => c.Public)];
    }

    /// <summary>An empty set: every path has no policy.</summary>
    public static PolicySet Empty { get; } = Create(Array.Empty<PolicyCompilation>());

    /// <summary>The policies in force (valid or failing closed), enforced and report-only, ordered by id.</summary>
    public IReadOnlyList<PolicySetEntry> Entries => _entries;

    /// <summary>Invalid policies whose routes could not even be read: they govern nothing.</summary>
    public IReadOnlyList<PolicyCompilation> Skipped => _skipped;

    /// <summary>Patterns named by more than one policy of the same mode, with the policy that won, in the winners' id order.</summary>
    public IReadOnlyList<RouteConflict> Conflicts { get; }

    /// <summary>
    /// Builds a set from compiled definitions. Disabled definitions are left out; invalid ones keep their
    /// readable routes and refuse every CORS request there; invalid ones without a readable route are skipped.
    /// Enforced and report-only policies are resolved apart: a report-only policy never takes a route from an
    /// enforced one, and conflicts are only between policies of the same mode (an invalid mode counts as enforced, as it
    /// is resolved).
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
        var enforced = BuildTries(inForce.Where(e => !IsReportOnly(e)));
        var reportOnly = BuildTries(inForce.Where(IsReportOnly));
        var conflicts = inForce
            .SelectMany(e => e.Compilation.Routes.Select(route => Conflict.Find(IsReportOnly(e) ? reportOnly : enforced, e, route)))
            .OfType<Conflict>()
            .ToArray();
        return new PolicySet([.. inForce], [.. skipped], enforced, reportOnly, conflicts);
    }

    /// <summary>
    /// This set with <paramref name="changed"/> added or put in place of the policies with the same ids, and the
    /// policies named in <paramref name="removedIds"/> left out. Every other compilation is reused as it is: nothing is
    /// compiled again, and the route index copies only the nodes on the changed policies' routes, so a change costs its
    /// own routes rather than the size of the set (a change of more than an eighth of the set is built afresh, which is
    /// then cheaper). The result is what <see cref="Create(IEnumerable{PolicyCompilation})"/> builds from the same
    /// compilations.
    /// </summary>
    public PolicySet With(IEnumerable<PolicyCompilation> changed, IEnumerable<string> removedIds)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(removedIds);
        var changes = changed.ToList();
        var replaced = new HashSet<string>(removedIds, StringComparer.Ordinal);
        replaced.UnionWith(changes.Select(c => c.Id));
        if (replaced.Count > Math.Max(16, _entries.Length / 8))
        {
            var kept = _entries.Select(e => e.Compilation).Concat(_skipped).Where(c => !replaced.Contains(c.Id));
            return Create(kept.Concat(changes));
        }

        var entries = new List<PolicySetEntry>(_entries);
        var skipped = _skipped.Where(c => !replaced.Contains(c.Id)).ToList();
        var enforced = (RouteTrie<PolicySetEntry>[])_enforced.Clone();
        var reportOnly = (RouteTrie<PolicySetEntry>[])_reportOnly.Clone();
        var touched = new List<(PolicySetEntry Entry, RoutePattern Route)>();
        foreach (var id in replaced)
        {
            var (from, count) = EqualRange(entries, id);
            foreach (var old in entries.GetRange(from, count))
            {
                var tries = IsReportOnly(old) ? reportOnly : enforced;
                foreach (var route in old.Compilation.Routes)
                {
                    tries[(int)route.Kind] = tries[(int)route.Kind].Without(route, old);
                    touched.Add((old, route));
                }
            }

            entries.RemoveRange(from, count);
        }

        foreach (var compilation in changes.Where(c => c.Definition.Enabled).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (compilation.Routes.Count == 0)
            {
                skipped.Add(compilation);
                continue;
            }

            var entry = new PolicySetEntry(compilation);
            var (from, count) = EqualRange(entries, entry.Id);
            entries.Insert(from + count, entry);
            var tries = IsReportOnly(entry) ? reportOnly : enforced;
            foreach (var route in compilation.Routes)
            {
                tries[(int)route.Kind] = tries[(int)route.Kind].With(route, entry);
                touched.Add((entry, route));
            }
        }

        var conflicts = ChangeConflicts(touched, enforced, reportOnly);
        return new PolicySet([.. entries], [.. skipped.OrderBy(c => c.Id, StringComparer.Ordinal)], enforced, reportOnly, conflicts);
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
        return [.. s_kinds.Select(kind => new RouteTrie<PolicySetEntry>(routes.Where(r => r.Pattern.Kind == kind), s_byId))];
    }

    private static bool IsReportOnly(PolicySetEntry entry) => entry.Mode == PolicyMode.ReportOnly;

    /// <summary>Where the entries with <paramref name="id"/> are in <paramref name="entries"/> (ordered by id); count 0 gives where one goes.</summary>
    private static (int From, int Count) EqualRange(List<PolicySetEntry> entries, string id)
    {
        int low = 0, high = entries.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(entries[middle].Id, id) < 0 ? (middle + 1, high) : (low, middle);
        }

        var end = low;
        while (end < entries.Count && entries[end].Id == id)
        {
            end++;
        }

        return (low, end - low);
    }

    /// <summary>
    /// This set's conflicts with those on the <paramref name="touched"/> patterns found again in the changed tries: a
    /// conflict on any other pattern cannot have moved.
    /// </summary>
    private Conflict[] ChangeConflicts(List<(PolicySetEntry Entry, RoutePattern Route)> touched,
        RouteTrie<PolicySetEntry>[] enforced, RouteTrie<PolicySetEntry>[] reportOnly)
    {
        var keys = new HashSet<string>(touched.Select(t => Conflict.Key(IsReportOnly(t.Entry), t.Route)), StringComparer.OrdinalIgnoreCase);
        var found = touched
            .Select(t =>
            {
                var tries = IsReportOnly(t.Entry) ? reportOnly : enforced;
                var claims = tries[(int)t.Route.Kind].Claims(t.Route);
                return claims.Count > 1 ? Conflict.Find(tries, claims[0].Value, claims[0].Pattern) : null;
            })
            .OfType<Conflict>()
            .DistinctBy(c => Conflict.Key(c.ReportOnly, c.Route), StringComparer.OrdinalIgnoreCase);
        return [.. _conflicts.Where(c => !keys.Contains(Conflict.Key(c.ReportOnly, c.Route))).Concat(found).Order()];
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

    /// <summary>A conflict with where it is: the mode and the winner's pattern (an instance from its compilation).</summary>
    private sealed record Conflict(bool ReportOnly, RoutePattern Route, PolicySetEntry Winner, RouteConflict Public) : IComparable<Conflict>
    {
        /// <summary>The conflict on <paramref name="route"/> when <paramref name="entry"/> governs it there, else null.</summary>
        public static Conflict? Find(RouteTrie<PolicySetEntry>[] tries, PolicySetEntry entry, RoutePattern route)
        {
            var claims = tries[(int)route.Kind].Claims(route);
            return claims.Count > 1 && ReferenceEquals(claims[0].Pattern, route)
                ? new Conflict(IsReportOnly(entry), route, entry,
                    new RouteConflict(route.Text, entry.Id, [.. claims.Skip(1).Select(c => c.Value.Id)]))
                : null;
        }

        public static string Key(bool reportOnly, RoutePattern route) => (reportOnly ? "R" : "E") + route.Text;

        /// <summary>The winners' id order, then the order the winner lists its routes in.</summary>
        public int CompareTo(Conflict? other) =>
            other is null ? 1
            : string.CompareOrdinal(Winner.Id, other.Winner.Id) is var byId and not 0 ? byId
            : IndexOf(Winner, Route).CompareTo(IndexOf(other.Winner, other.Route));

        private static int IndexOf(PolicySetEntry entry, RoutePattern route)
        {
            var routes = entry.Compilation.Routes;
            var index = 0;
            while (!ReferenceEquals(routes[index], route))
            {
                index++;
            }

            return index;
        }
    }
}
