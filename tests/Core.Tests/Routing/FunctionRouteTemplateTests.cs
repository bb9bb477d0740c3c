using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Tests.Routing;

public sealed class FunctionRouteTemplateTests
{
    [Theory]
    [InlineData("api", "items", "/api/items")]
    [InlineData("api", "/items/{id}/", "/api/items/{id}")]
    [InlineData("", "items", "/items")]
    [InlineData("api/v1", "items", "/api/v1/items")]
    public void The_path_is_the_route_under_the_prefix(string prefix, string route, string expected)
    {
        Assert.Equal(expected, FunctionRouteTemplate.Parse(prefix, route).Text);
    }

    [Theory]
    [InlineData("items", "/api/items", true)]
    [InlineData("ITEMS", "/api/items", true)]
    [InlineData("items", "/api/items/*", false)]
    [InlineData("items", "/api/**", true)]
    [InlineData("items", "/**", true)]
    [InlineData("items", "/items", false)]
    [InlineData("items", "/api/orders", false)]
    [InlineData("items/{id}", "/api/items/*", true)]
    [InlineData("items/{id}", "/api/items/42", true)]
    [InlineData("items/{id:int}", "/api/items", false)]
    [InlineData("items/{id?}", "/api/items", true)]
    [InlineData("items/{id?}", "/api/items/*", true)]
    [InlineData("items/{id?}", "/api/items/*/parts", false)]
    [InlineData("files/{*path}", "/api/files", true)]
    [InlineData("files/{*path}", "/api/files/a/b/c", true)]
    [InlineData("files/{**path}", "/api/files/*", true)]
    [InlineData("files/{*path}", "/api/other/*", false)]
    [InlineData("v{version}/items", "/api/v2/items", true)]
    [InlineData("items/{id}/parts", "/api/items/*", false)]
    [InlineData("items/{id}/parts", "/api/*/*/parts", true)]
    public void A_template_overlaps_a_pattern_when_some_path_is_in_both(string route, string pattern, bool expected)
    {
        Assert.True(RoutePattern.TryParse(pattern, out var parsed, out _));

        Assert.Equal(expected, FunctionRouteTemplate.Parse("api", route).Overlaps(parsed!));
    }

    [Theory]
    [InlineData("items", "/api/items")]
    [InlineData("items/{id}", "/api/items/*")]
    [InlineData("items/{id?}", "/api/items/*")]
    [InlineData("files/{*path}", "/api/files/**")]
    public void The_suggested_policy_route_covers_the_template(string route, string expected)
    {
        var template = FunctionRouteTemplate.Parse("api", route);
        Assert.True(RoutePattern.TryParse(template.AsPolicyRoute, out var suggested, out _));

        Assert.Equal(expected, template.AsPolicyRoute);
        Assert.True(template.Overlaps(suggested!));
    }
}
