using CorsFunctions.Core.Routing;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Routing;

/// <summary>
/// Ties and fall-backs of route resolution, for every pattern class: the lowest id wins a tie whatever the
/// order the policies come in, a literal segment that leads nowhere falls back to <c>*</c>, and <c>*</c> never
/// matches an empty segment.
/// </summary>
public class RoutePrecedenceTests
{
    [Theory]
    [InlineData("/api/items", "/api/items")]
    [InlineData("/api/items/*", "/api/items/7")]
    [InlineData("/api/*/parts", "/api/7/parts")]
    [InlineData("/api/**", "/api/items/7")]
    [InlineData("/api/**", "/api")]
    [InlineData("/**", "/health")]
    [InlineData("/**", "/")]
    public void A_tie_on_a_pattern_of_any_class_goes_to_the_lowest_id_in_any_input_order(string pattern, string path)
    {
        string[] ids = ["b-second", "a-first", "c-third"];
        foreach (var order in new[] { ids, ids.Reverse().ToArray(), [ids[1], ids[2], ids[0]] })
        {
            var set = PolicySet.Create(order.Select(id => Valid with { Id = id, Routes = [pattern] }));

            var match = set.Resolve(path);
            Assert.Equal("a-first", match.PolicyId);
            Assert.Equal(pattern, match.Route!.Text);
            var conflict = Assert.Single(set.Conflicts);
            Assert.Equal((pattern, "a-first"), (conflict.Route, conflict.Winner));
            Assert.Equal(["b-second", "c-third"], conflict.Losers);
        }
    }

    [Fact]
    public void Policies_naming_different_patterns_are_no_conflict()
    {
        var set = PolicySet.Create([
            Valid with { Id = "a", Routes = ["/api/items", "/api/items/*"] },
            Valid with { Id = "b", Routes = ["/api/orders", "/api/**"] },
        ]);

        Assert.Empty(set.Conflicts);
    }

    [Fact]
    public void Only_the_shared_pattern_of_two_policies_is_a_conflict()
    {
        var set = PolicySet.Create([
            Valid with { Id = "b", Routes = ["/api/items", "/api/orders"] },
            Valid with { Id = "a", Routes = ["/api/items", "/api/users"] },
        ]);

        var conflict = Assert.Single(set.Conflicts);
        Assert.Equal(("/api/items", "a"), (conflict.Route, conflict.Winner));
        Assert.Equal(["b"], conflict.Losers);
        Assert.Equal("b", set.Resolve("/api/orders").PolicyId);
        Assert.Equal("a", set.Resolve("/api/users").PolicyId);
    }

    [Fact]
    public void Star_patterns_sharing_a_prefix_all_resolve()
    {
        var set = PolicySet.Create([
            Valid with { Id = "a", Routes = ["/api/*/parts"] },
            Valid with { Id = "b", Routes = ["/api/*/owners"] },
            Valid with { Id = "c", Routes = ["/api/*"] },
        ]);

        Assert.Equal("a", set.Resolve("/api/7/parts").PolicyId);
        Assert.Equal("b", set.Resolve("/api/7/owners").PolicyId);
        Assert.Equal("c", set.Resolve("/api/7").PolicyId);
        Assert.Null(set.Resolve("/api/7/other").PolicyId);
    }

    [Fact]
    public void Any_depth_patterns_sharing_a_prefix_all_resolve()
    {
        var set = PolicySet.Create([
            Valid with { Id = "a", Routes = ["/api/items/**"] },
            Valid with { Id = "b", Routes = ["/api/orders/**"] },
        ]);

        Assert.Equal("a", set.Resolve("/api/items/7/parts").PolicyId);
        Assert.Equal("b", set.Resolve("/api/orders").PolicyId);
        Assert.Null(set.Resolve("/api/users/1").PolicyId);
    }

    [Fact]
    public void A_literal_segment_that_leads_nowhere_falls_back_to_the_star_at_its_level()
    {
        var set = PolicySet.Create([
            Valid with { Id = "literal", Routes = ["/api/items/*/parts"] },
            Valid with { Id = "star", Routes = ["/api/*/7/owners"] },
        ]);

        Assert.Equal("star", set.Resolve("/api/items/7/owners").PolicyId);
        Assert.Equal("literal", set.Resolve("/api/items/7/parts").PolicyId);
    }

    [Fact]
    public void A_longer_path_does_not_match_an_exact_or_star_pattern_that_ends_earlier()
    {
        var set = PolicySet.Create([
            Valid with { Id = "exact", Routes = ["/api/items"] },
            Valid with { Id = "star", Routes = ["/api/*"] },
        ]);

        Assert.Null(set.Resolve("/api/items/7").PolicyId);
        Assert.Null(set.Resolve("/api/orders/7").PolicyId);
        Assert.Equal("star", set.Resolve("/api/orders").PolicyId);
    }

    [Theory]
    [InlineData("/api//parts")]
    [InlineData("//parts")]
    public void A_star_never_matches_an_empty_segment(string path)
    {
        var set = PolicySet.Create([
            Valid with { Id = "star", Routes = ["/api/*/parts", "/*/parts"] },
            Valid with { Id = "deep", Routes = ["/api/**"] },
        ]);

        Assert.NotEqual("star", set.Resolve(path).PolicyId);
    }

    [Theory]
    [InlineData("?id=1")]
    [InlineData("#top")]
    [InlineData("/?id=1")]
    [InlineData("")]
    public void A_path_that_is_only_a_query_or_fragment_is_the_root(string path)
    {
        var set = PolicySet.Create([Valid with { Id = "default", Routes = ["/**"] }, Valid with { Id = "api", Routes = ["/api/**"] }]);

        Assert.Equal("default", set.Resolve(path).PolicyId);
    }

    [Fact]
    public void A_query_or_fragment_is_cut_at_its_first_marker()
    {
        var set = PolicySet.Create([Valid with { Id = "items", Routes = ["/api/items"] }, Valid with { Id = "default", Routes = ["/**"] }]);

        Assert.Equal("items", set.Resolve("/api/items#a?b").PolicyId);
        Assert.Equal("items", set.Resolve("/api/items?a#b/c").PolicyId);
        Assert.Equal("default", set.Resolve("/api/items/x?/api/items").PolicyId);
    }
}
