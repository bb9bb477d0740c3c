using System.Net;
using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// What the host indexes from the metadata the real worker returns (facts 4-6 of the platform), for each app: the base
/// package adds only <c>CorsPreflight</c>; the seven management functions exist exactly where the app references
/// CorsFunctions.Worker.Management (the AspNetCore sample and the deployable app), never in the built-in sample.
/// </summary>
public abstract class FunctionIndexTests(EndToEndFixture fixture, bool referencesManagement)
{
    /// <summary>The management package's functions: name, methods, route as the host maps them.</summary>
    public static readonly (string Name, string Method, string Route)[] ManagementFunctions =
    [
        ("CorsPoliciesList", "GET", "api/cors-policies"),
        ("CorsPolicyGet", "GET", "api/cors-policies/{id}"),
        ("CorsPolicyPut", "PUT", "api/cors-policies/{id}"),
        ("CorsPolicyDelete", "DELETE", "api/cors-policies/{id}"),
        ("CorsPolicyHistory", "GET", "api/cors-policies/{id}/history"),
        ("CorsPolicyRollback", "POST", "api/cors-policies/{id}/rollback"),
        ("CorsCheck", "POST", "api/cors-check"),
    ];

    [Fact]
    public void Exactly_one_function_accepts_options_an_anonymous_catch_all()
    {
        var options = fixture.Host.Routes.Functions.Where(function => function.Accepts("OPTIONS")).ToList();

        var preflight = Assert.Single(options);
        Assert.Equal(AuthLevel.Anonymous, preflight.AuthLevel);
        Assert.Equal(["OPTIONS"], preflight.Methods!);
        Assert.Equal("api/{*path}", preflight.Route.Text);
    }

    [Fact]
    public void Items_functions_require_a_function_key()
    {
        var items = fixture.Host.Routes.Functions.Where(function => function.Route.Text.StartsWith("api/items", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(items);
        Assert.All(items, function => Assert.Equal(AuthLevel.Function, function.AuthLevel));
    }

    [Fact]
    public void The_management_functions_are_indexed_exactly_when_the_app_references_their_package()
    {
        var management = fixture.Host.Routes.Functions
            .Where(function => function.Route.Text.StartsWith("api/cors-", StringComparison.OrdinalIgnoreCase))
            .Select(function => (function.Name, string.Join(',', function.Methods!), function.Route.Text))
            .Order()
            .ToList();

        Assert.Equal(referencesManagement ? [.. ManagementFunctions.Order()] : [], management);
        Assert.All(fixture.Host.Routes.Functions.Where(f => ManagementFunctions.Any(m => m.Name == f.Name)), f => Assert.Equal(AuthLevel.Admin, f.AuthLevel));
    }

    [Fact]
    public async Task With_the_master_key_a_management_route_is_the_apis_answer_or_the_hosts_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/cors-policies");
        request.Headers.Add("x-functions-key", fixture.MasterKey);

        using var response = await fixture.Api.SendAsync(request);

        // The fixtures turn the API on: 200 where the package is referenced; else no function maps the route at all.
        Assert.Equal(referencesManagement ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
    }
}
