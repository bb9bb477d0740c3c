using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Routing;

/// <summary>
/// <see cref="PolicySet.With"/> against <see cref="PolicySet.Create(IEnumerable{PolicyCompilation})"/>: random chains of
/// changes over policies that share, shadow and overlap routes in both modes must give, after every step, the entries,
/// skipped policies, conflicts and route resolution of a set built from scratch. Seeded, so a failure replays.
/// </summary>
public class PolicySetWithRandomTests
{
    private static readonly string[] s_routes =
    [
        "/**", "/api/**", "/API/items", "/api/items", "/api/items/*", "/api/*/parts", "/api/items/*/parts/**", "/",
        "/api/orders", "/api/Orders/", "/t1/a", "/t2/a", "/t3/a", "/*", "/t1/*/b/**",
    ];

    private static readonly string[] s_paths =
    [
        "/", "/api", "/api/items", "/API/ITEMS/", "/api/items/7", "/api/items/7/parts", "/api/items/7/parts/9/x",
        "/api/users/parts", "/api/orders?x=1", "/api/orders/1", "/t1/a", "/t2/a", "/t3/a/b", "/t1/z/b", "/t1/z/b/c",
        "/other", "/x/y/z", "no-slash",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_step_of_a_random_chain_of_changes_matches_a_set_built_from_scratch(int seed)
    {
        var random = new Random(seed);
        // Up to 60 ids: large steps (over an eighth of the set) take the rebuild path, small ones the incremental one.
        var ids = Enumerable.Range(0, random.Next(2, 60)).Select(i => $"p{i:D2}").ToArray();
        var current = ids.Where(_ => random.Next(3) > 0).ToDictionary(id => id, id => RandomCompilation(random, id));
        var set = PolicySet.Create(current.Values);
        AssertSameAsFresh(set, current.Values, seed, step: 0);

        for (var step = 1; step <= 30; step++)
        {
            var size = random.Next(4) == 0 ? random.Next(1, ids.Length + 1) : random.Next(1, 4);
            var picked = ids.OrderBy(_ => random.Next()).Take(size).ToArray();
            var removed = picked.Where(_ => random.Next(4) == 0).Append($"absent-{step}").ToArray();
            var changed = picked.Except(removed).Select(id => RandomCompilation(random, id)).ToArray();
            foreach (var id in removed)
            {
                current.Remove(id);
            }

            foreach (var compilation in changed)
            {
                current[compilation.Id] = compilation;
            }

            set = set.With(changed, removed);
            AssertSameAsFresh(set, current.Values, seed, step);
        }
    }

    private static PolicyCompilation RandomCompilation(Random random, string id)
    {
        var routes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => s_routes[random.Next(s_routes.Length)]).ToArray();
        var definition = Valid with
        {
            Id = id,
            Routes = random.Next(12) == 0 ? ["no slash"] : routes,
            Mode = random.Next(8) switch { 0 => (PolicyMode)7, < 4 => PolicyMode.ReportOnly, _ => PolicyMode.Enforce },
            Enabled = random.Next(10) > 0,
            AllowedOrigins = random.Next(10) == 0 ? ["not an origin"] : [AppOrigin],
            MaxAgeSeconds = random.Next(1000),
        };
        return PolicyCompiler.Compile(definition);
    }

    private static void AssertSameAsFresh(PolicySet set, IEnumerable<PolicyCompilation> compilations, int seed, int step)
    {
        var fresh = PolicySet.Create(compilations);
        var where = $"seed {seed}, step {step}";
        Assert.True(fresh.Entries.Select(e => e.Compilation).SequenceEqual(set.Entries.Select(e => e.Compilation)), $"entries differ at {where}");
        Assert.True(fresh.Skipped.SequenceEqual(set.Skipped), $"skipped differ at {where}");
        Assert.Equal(Describe(fresh.Conflicts), Describe(set.Conflicts));
        foreach (var path in s_paths)
        {
            Assert.Equal((where, path, Describe(fresh.Resolve(path))), (where, path, Describe(set.Resolve(path))));
            Assert.Equal((where, path, Describe(fresh.ResolveReportOnly(path))), (where, path, Describe(set.ResolveReportOnly(path))));
        }
    }

    private static string[] Describe(IReadOnlyList<RouteConflict> conflicts) =>
        [.. conflicts.Select(c => $"{c.Route} {c.Winner} <- {string.Join(",", c.Losers)}")];

    private static string Describe(PolicyMatch match) => $"{match.PolicyId} {match.Route?.Text} {match.Rejection}";
}
