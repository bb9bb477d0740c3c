using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Routing;

public class PolicySetTests
{
    private static readonly CorsPolicyDefinition[] s_bySpecificity =
    [
        // Ids run against specificity, so an id tie-break could not pass for specificity.
        Valid with { Id = "a-default", Routes = ["/**"] },
        Valid with { Id = "b-deep", Routes = ["/api/**"] },
        Valid with { Id = "c-star", Routes = ["/api/items/*"] },
        Valid with { Id = "d-exact", Routes = ["/api/items/42"] },
    ];

    [Theory]
    [InlineData("/api/items/42", "d-exact", "/api/items/42")]
    [InlineData("/api/items/7", "c-star", "/api/items/*")]
    [InlineData("/api/items", "b-deep", "/api/**")]
    [InlineData("/api/items/7/parts", "b-deep", "/api/**")]
    [InlineData("/api", "b-deep", "/api/**")]
    [InlineData("/health", "a-default", "/**")]
    [InlineData("/", "a-default", "/**")]
    public void The_most_specific_route_wins_exact_then_star_then_deep_wildcard_then_default(string path, string policyId, string route)
    {
        var match = PolicySet.Create(s_bySpecificity).Resolve(path);

        Assert.Equal(policyId, match.PolicyId);
        Assert.Equal(route, match.Route!.Text);
        Assert.Equal(CorsRejection.None, match.Rejection);
        Assert.Same(match.Entry!.Policy, match.Policy);
    }

    [Fact]
    public void The_resolution_does_not_depend_on_the_input_order()
    {
        var paths = new[] { "/api/items/42", "/api/items/7", "/api/x", "/other" };
        var forward = PolicySet.Create(s_bySpecificity);
        var backward = PolicySet.Create(s_bySpecificity.Reverse());

        Assert.Equal(paths.Select(p => forward.Resolve(p).PolicyId), paths.Select(p => backward.Resolve(p).PolicyId));
    }

    [Fact]
    public void A_deeper_any_depth_wildcard_beats_a_shallower_one()
    {
        var set = PolicySet.Create([
            Valid with { Id = "a", Routes = ["/api/**"] },
            Valid with { Id = "b", Routes = ["/api/items/**"] },
        ]);

        Assert.Equal("b", set.Resolve("/api/items/1/2").PolicyId);
        Assert.Equal("a", set.Resolve("/api/orders/1").PolicyId);
    }

    [Fact]
    public void A_literal_segment_beats_a_star_at_the_same_depth()
    {
        var set = PolicySet.Create([
            Valid with { Id = "a", Routes = ["/api/*/details"] },
            Valid with { Id = "b", Routes = ["/api/items/*"] },
        ]);

        Assert.Equal("b", set.Resolve("/api/items/details").PolicyId);
        Assert.Equal("a", set.Resolve("/api/orders/details").PolicyId);
    }

    [Theory]
    [InlineData("b-policy", "a-policy")]
    [InlineData("a-policy", "b-policy")]
    public void Ties_on_the_same_pattern_go_to_the_lowest_policy_id_whatever_the_input_order(string first, string second)
    {
        var set = PolicySet.Create([Valid with { Id = first, Routes = ["/api/items"] }, Valid with { Id = second, Routes = ["/api/items"] }]);

        Assert.Equal("a-policy", set.Resolve("/api/items").PolicyId);
        var conflict = Assert.Single(set.Conflicts);
        Assert.Equal(("/api/items", "a-policy"), (conflict.Route, conflict.Winner));
        Assert.Equal(["b-policy"], conflict.Losers);
    }

    [Fact]
    public void Patterns_differing_only_in_case_are_the_same_route()
    {
        var set = PolicySet.Create([
            Valid with { Id = "b", Routes = ["/api/items"] },
            Valid with { Id = "a", Routes = ["/API/Items"] },
        ]);

        Assert.Equal("a", set.Resolve("/api/items").PolicyId);
        Assert.Single(set.Conflicts);
    }

    [Theory]
    [InlineData("/API/ITEMS")]
    [InlineData("/api/items/")]
    [InlineData("/api/items?id=1")]
    [InlineData("/api/items/?id=1/2")]
    [InlineData("/api/items#top")]
    [InlineData("/Api/Items//")]
    public void Paths_compare_case_insensitively_ignoring_query_and_trailing_slash(string path)
    {
        var set = PolicySet.Create([Valid with { Id = "items", Routes = ["/api/items"] }]);

        Assert.Equal("items", set.Resolve(path).PolicyId);
    }

    [Theory]
    [InlineData("/api/items/1")]
    [InlineData("/api")]
    [InlineData("api/items")]
    [InlineData("")]
    public void A_path_no_policy_names_has_no_policy(string path)
    {
        var match = PolicySet.Create([Valid with { Routes = ["/api/items"] }]).Resolve(path);

        Assert.Null(match.Entry);
        Assert.Null(match.Policy);
        Assert.Null(match.PolicyId);
        Assert.Equal(CorsRejection.NoPolicy, match.Rejection);
    }

    [Fact]
    public void The_empty_set_has_no_policy_for_any_path()
    {
        Assert.Empty(PolicySet.Empty.Entries);
        Assert.Equal(CorsRejection.NoPolicy, PolicySet.Empty.Resolve("/api/items").Rejection);
    }

    [Fact]
    public void An_invalid_policy_fails_closed_on_its_routes_and_never_falls_to_the_default()
    {
        var set = PolicySet.Create([
            Valid with { Id = "default", Routes = ["/**"], AllowedOrigins = ["*"] },
            Valid with { Id = "broken", Routes = ["/api/**"], AllowedMethods = ["TRACE"] },
        ]);

        var match = set.Resolve("/api/items");

        Assert.Equal("broken", match.PolicyId);
        Assert.Null(match.Policy);
        Assert.Equal(CorsRejection.InvalidPolicy, match.Rejection);
        Assert.Equal("default", set.Resolve("/other").PolicyId);
        Assert.Equal(["broken", "default"], set.Entries.Select(e => e.Id));
    }

    [Fact]
    public void An_invalid_policy_that_wins_a_tie_fails_closed_on_that_route()
    {
        var set = PolicySet.Create([
            Valid with { Id = "b-valid", Routes = ["/api/items"] },
            Valid with { Id = "a-broken", Routes = ["/api/items"], AllowedOrigins = [] },
        ]);

        Assert.Equal(CorsRejection.InvalidPolicy, set.Resolve("/api/items").Rejection);
    }

    [Fact]
    public void An_invalid_policy_without_readable_routes_is_skipped()
    {
        var set = PolicySet.Create([
            Valid with { Id = "default", Routes = ["/**"] },
            Valid with { Id = "unroutable", Routes = ["api/**", "/a//b"] },
        ]);

        Assert.Equal("unroutable", Assert.Single(set.Skipped).Id);
        Assert.Equal(["default"], set.Entries.Select(e => e.Id));
        Assert.Equal("default", set.Resolve("/api/items").PolicyId);
    }

    [Fact]
    public void A_disabled_policy_is_left_out_and_its_routes_fall_to_the_next_match()
    {
        var set = PolicySet.Create([
            Valid with { Id = "default", Routes = ["/**"] },
            Valid with { Id = "off", Routes = ["/api/**"], Enabled = false },
            Valid with { Id = "off-and-broken", Routes = ["/admin/**"], AllowedOrigins = [], Enabled = false },
        ]);

        Assert.Equal(["default"], set.Entries.Select(e => e.Id));
        Assert.Empty(set.Skipped);
        Assert.Equal("default", set.Resolve("/api/items").PolicyId);
        Assert.Equal("default", set.Resolve("/admin/users").PolicyId);
    }

    [Fact]
    public void Entries_are_ordered_by_id_and_a_compiled_set_equals_one_built_from_compilations()
    {
        var definitions = new[] { Valid with { Id = "z", Routes = ["/z"] }, Valid with { Id = "m", Routes = ["/m"] } };

        var fromDefinitions = PolicySet.Create(definitions);
        var fromCompilations = PolicySet.Create(definitions.Select(d => PolicyCompiler.Compile(d)));

        Assert.Equal(["m", "z"], fromDefinitions.Entries.Select(e => e.Id));
        Assert.Equal(fromDefinitions.Entries.Select(e => e.Id), fromCompilations.Entries.Select(e => e.Id));
    }

    [Theory]
    [InlineData("api/items")]
    [InlineData("items")]
    public void A_path_that_does_not_start_with_a_slash_has_no_policy_not_even_the_default(string path) =>
        Assert.Null(PolicySet.Create(s_bySpecificity).Resolve(path).PolicyId);

    [Fact]
    public void The_compilations_are_required() =>
        Assert.Equal("compilations", Assert.Throws<ArgumentNullException>(() => PolicySet.Create((IEnumerable<PolicyCompilation>)null!)).ParamName);
}
