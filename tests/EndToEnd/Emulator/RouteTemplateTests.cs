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
    public void Route_table_tries_routes_in_function_name_order_like_the_host_not_by_precedence()
    {
        // The host sorts functions by name (case-insensitive) and takes the first route whose template and methods fit.
        var routes = new RouteTable([Named("Ping", null, "ping"), Named("basket", null, "basket"), Named("CorsPreflight", "options", "{*path}"),
            Named("Widgets", "options", "widgets")]);

        Assert.Equal(["basket", "CorsPreflight", "Ping", "Widgets"], routes.Functions.Select(f => f.Name));
        Assert.Equal("basket", routes.Resolve("OPTIONS", "/api/basket")!.Function.Name);
        Assert.Equal("CorsPreflight", routes.Resolve("OPTIONS", "/api/ping")!.Function.Name);
        Assert.Equal("CorsPreflight", routes.Resolve("OPTIONS", "/api/widgets")!.Function.Name);
        Assert.Equal("Ping", routes.Resolve("GET", "/api/ping")!.Function.Name);
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

    private static HttpFunction Named(string name, string? method, string route) =>
        new(name, name, "req", RouteTemplate.Parse("api", route), method is null ? null : new HashSet<string> { method.ToUpperInvariant() },
            AuthLevel.Anonymous);

    private static HttpFunction Function(string method, string route) =>
        new(route, route, "req", RouteTemplate.Parse("api", route), new HashSet<string> { method.ToUpperInvariant() }, AuthLevel.Anonymous);
}
