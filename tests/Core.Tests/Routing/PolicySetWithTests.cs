using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Routing;

/// <summary><see cref="PolicySet.With"/>: one change reuses every other compilation and resolves as a fresh set would.</summary>
public class PolicySetWithTests
{
    private static readonly PolicyCompilation[] s_compilations =
    [
        PolicyCompiler.Compile(Valid with { Id = "a-default", Routes = ["/**"] }),
        PolicyCompiler.Compile(Valid with { Id = "b-items", Routes = ["/api/items/*"] }),
        PolicyCompiler.Compile(Valid with { Id = "c-orders", Routes = ["/api/orders"] }),
        PolicyCompiler.Compile(Valid with { Id = "d-shadowed", Routes = ["/api/orders"] }),
    ];

    private static readonly string[] s_paths = ["/", "/api/items/1", "/api/orders", "/api/users", "/API/Items/2/"];

    [Fact]
    public void Unchanged_policies_keep_their_compilation_and_their_compiled_policy()
    {
        var set = PolicySet.Create(s_compilations);
        var changed = PolicyCompiler.Compile(Valid with { Id = "b-items", Routes = ["/api/items/**"] });

        var next = set.With([changed], []);

        Assert.Same(changed, next.Entries.Single(e => e.Id == "b-items").Compilation);
        foreach (var id in new[] { "a-default", "c-orders", "d-shadowed" })
        {
            Assert.Same(set.Entries.Single(e => e.Id == id).Policy, next.Entries.Single(e => e.Id == id).Policy);
        }

        Assert.Equal("/api/items/**", next.Resolve("/api/items/1/parts").Route!.Text);
        Assert.Equal("a-default", set.Resolve("/api/items/1/parts").PolicyId);
    }

    [Fact]
    public void A_removed_policy_leaves_and_its_route_falls_to_the_next_one()
    {
        var set = PolicySet.Create(s_compilations);

        var next = set.With([], ["c-orders"]);

        Assert.DoesNotContain(next.Entries, e => e.Id == "c-orders");
        Assert.Equal("d-shadowed", next.Resolve("/api/orders").PolicyId);
        Assert.Empty(next.Conflicts);
        Assert.Equal("c-orders", set.Resolve("/api/orders").PolicyId);
    }

    [Fact]
    public void A_change_that_breaks_a_policy_fails_closed_on_its_routes_only()
    {
        var set = PolicySet.Create(s_compilations);
        var broken = PolicyCompiler.Compile(Valid with { Id = "b-items", Routes = ["/api/items/*"], AllowedOrigins = ["not an origin"] });

        var next = set.With([broken], []);

        Assert.Equal(CorsRejection.InvalidPolicy, next.Resolve("/api/items/1").Rejection);
        Assert.Equal("b-items", next.Resolve("/api/items/1").PolicyId);
        Assert.Equal(CorsRejection.None, next.Resolve("/api/orders").Rejection);
        Assert.Equal(CorsRejection.None, next.Resolve("/other").Rejection);
    }

    [Fact]
    public void A_change_resolves_conflicts_and_paths_exactly_as_a_set_built_from_scratch()
    {
        var added = PolicyCompiler.Compile(Valid with { Id = "b-orders-first", Routes = ["/api/orders", "/api/users"] });
        var disabled = PolicyCompiler.Compile(Valid with { Id = "a-default", Routes = ["/**"], Enabled = false });
        var routeless = PolicyCompiler.Compile(Valid with { Id = "e-routeless", Routes = ["no slash"] });

        var changed = PolicySet.Create(s_compilations).With([added, disabled, routeless], ["d-shadowed", "not-there"]);
        var fresh = PolicySet.Create([s_compilations[1], s_compilations[2], added, disabled, routeless]);

        Assert.Equal(fresh.Entries.Select(e => e.Id), changed.Entries.Select(e => e.Id));
        Assert.Equal(fresh.Skipped.Select(c => c.Id), changed.Skipped.Select(c => c.Id));
        Assert.Equal(fresh.Conflicts.Select(c => (c.Route, c.Winner, string.Join(",", c.Losers))),
            changed.Conflicts.Select(c => (c.Route, c.Winner, string.Join(",", c.Losers))));
        Assert.Equal(s_paths.Select(p => fresh.Resolve(p).PolicyId), s_paths.Select(p => changed.Resolve(p).PolicyId));
        Assert.Equal("b-orders-first", changed.Resolve("/api/orders").PolicyId);
        Assert.Null(changed.Resolve("/other").PolicyId);
    }
}
