using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Worker.Policies;

/// <summary>A route pattern whose governing policy a write would change.</summary>
/// <param name="Route">The pattern, as the policies write it.</param>
/// <param name="From">The policy that governs it now; null: none.</param>
/// <param name="To">The policy that would govern it; null: none (its requests would then fall to a wider pattern or be refused).</param>
internal sealed record RouteOwnerChange(string Route, string? From, string? To)
{
    /// <summary>
    /// The patterns whose owner differs between <paramref name="current"/> and the same policies with
    /// <paramref name="id"/> replaced by <paramref name="proposed"/> (null: deleted). Ownership follows
    /// <see cref="PolicySet"/>: enabled policies with readable routes, invalid ones included (they fail closed), lowest id first.
    /// </summary>
    public static IReadOnlyList<RouteOwnerChange> Between(IEnumerable<PolicyCompilation> current, string id, CorsPolicyDefinition? proposed)
    {
        var before = current.ToList();
        var after = before.Where(c => !string.Equals(c.Id, id, StringComparison.Ordinal)).ToList();
        if (proposed is not null)
        {
            after.Add(PolicyCompiler.Compile(proposed));
        }

        var owners = Owners(before);
        var next = Owners(after);
        return [.. owners.Keys.Union(next.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(route => new RouteOwnerChange(route, owners.GetValueOrDefault(route), next.GetValueOrDefault(route)))
            .Where(change => !string.Equals(change.From, change.To, StringComparison.Ordinal))
            .OrderBy(change => change.Route, StringComparer.OrdinalIgnoreCase)];
    }

    private static Dictionary<string, string> Owners(IEnumerable<PolicyCompilation> compilations)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in PolicySet.Create(compilations).Entries)
        {
            foreach (var route in entry.Compilation.Routes)
            {
                owners.TryAdd(route.Text, entry.Id);
            }
        }

        return owners;
    }
}
