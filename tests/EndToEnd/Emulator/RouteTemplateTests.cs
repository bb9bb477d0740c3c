namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The emulator's route matching, which must agree with the host's for the end-to-end cases to mean anything.</summary>
public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("items", "/api/items", true)]
    [InlineData("items", "/API/Items/", true)]
    [InlineData("items", "/api/items/1", false)]
    [InlineData("items/{id}", "/api/items/42", true)]
    [InlineData("items/{id}", "/api/items", false)]
    [InlineData("items/{id?}", "/api/items", true)]
    [InlineData("{*path}", "/api", true)]
    [InlineData("{*path}", "/api/a/b/c", true)]
    [InlineData("{*path}", "/other/a", false)]
    public void Template_matches_paths_like_the_host(string route, string path, bool matches) =>
        Assert.Equal(matches, RouteTemplate.Parse("api", route).Match(path) is not null);

    [Fact]
    public void Parameters_and_catch_alls_capture_decoded_values()
    {
        Assert.Equal("a b", RouteTemplate.Parse("api", "items/{id}").Match("/api/items/a%20b")!["id"]);
        Assert.Equal("a/b", RouteTemplate.Parse("api", "{*path}").Match("/api/a/b")!["path"]);
    }

    [Fact]
    public void Literal_routes_win_over_parameters_which_win_over_catch_alls()
    {
        var literal = RouteTemplate.Parse("api", "items/all");
        var parameter = RouteTemplate.Parse("api", "items/{id}");
        var catchAll = RouteTemplate.Parse("api", "{*path}");

        Assert.True(literal.ComparePrecedence(parameter) < 0);
        Assert.True(parameter.ComparePrecedence(catchAll) < 0);
        Assert.True(catchAll.ComparePrecedence(literal) > 0);
    }

    [Fact]
    public void Route_table_answers_404_when_no_function_lists_the_method()
    {
        var routes = new RouteTable([Function("get", "items"), Function("options", "{*path}")]);

        Assert.Equal("items", routes.Resolve("GET", "/api/items")!.Function.Name);
        Assert.Equal("{*path}", routes.Resolve("OPTIONS", "/api/items")!.Function.Name);
        Assert.Null(routes.Resolve("DELETE", "/api/items"));
    }

    [Theory]
    [InlineData("items/{id:int}")]
    [InlineData("items/{id=1}")]
    [InlineData("items/x{id}")]
    [InlineData("{*path}/tail")]
    public void Unemulated_template_features_are_refused(string route) =>
        Assert.Throws<NotSupportedException>(() => RouteTemplate.Parse("api", route));

    private static HttpFunction Function(string method, string route) =>
        new(route, route, "req", RouteTemplate.Parse("api", route), new HashSet<string> { method.ToUpperInvariant() }, AuthLevel.Anonymous);
}
