using System.Reflection;
using CorsFunctions.App.Api;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Preflight;
using Microsoft.Azure.Functions.Worker;

namespace CorsFunctions.Functions.Tests.Api;

/// <summary>
/// The preflight-function pattern, checked over every HTTP function of the app (its own and the library's packages'): the host answers 404 to an
/// OPTIONS its route does not list and 401 to a keyless request, so only the anonymous catch-all may list OPTIONS.
/// </summary>
public sealed class FunctionRouteTests
{
    private static readonly Assembly[] FunctionAssemblies = [typeof(PreflightFunction).Assembly, typeof(ManagementFunctions).Assembly, typeof(ItemsFunction).Assembly];

    private static readonly IReadOnlyList<(string Name, HttpTriggerAttribute Trigger)> HttpFunctions =
        [.. FunctionAssemblies.SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(method => (Name: method.GetCustomAttribute<FunctionAttribute>()!.Name,
                Trigger: method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Name, f.Trigger!))];

    /// <summary>
    /// Fact 24 of the platform: a function of a non-public type is invoked through reflection (several times the worker CPU
    /// per call); the generated executor calls a public method of a public type directly.
    /// </summary>
    [Fact]
    public void Every_function_is_a_public_method_of_a_public_type_so_the_generated_executor_calls_it_directly()
    {
        var functions = FunctionAssemblies.SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToList();

        Assert.Equal(13, functions.Count);
        Assert.All(functions, method => Assert.True(method.IsPublic && method.DeclaringType!.IsVisible, $"{method.DeclaringType}.{method.Name}"));
    }

    [Fact]
    public void The_preflight_function_is_anonymous_OPTIONS_only_and_catches_every_route()
    {
        var (_, trigger) = Assert.Single(HttpFunctions, f => f.Name == PreflightFunction.Name);

        Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
        Assert.Equal(["options"], trigger.Methods ?? []);
        Assert.Equal("{*path}", trigger.Route);
    }

    [Fact]
    public void No_other_function_lists_OPTIONS()
    {
        var others = HttpFunctions.Where(f => f.Name != PreflightFunction.Name).ToList();

        Assert.NotEmpty(others);
        Assert.All(others, f => Assert.DoesNotContain("options", f.Trigger.Methods!, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_HTTP_function_names_its_methods_because_none_would_mean_all_including_OPTIONS()
    {
        Assert.All(HttpFunctions, f => Assert.NotEmpty(f.Trigger.Methods ?? []));
    }

    [Fact]
    public void Only_the_preflight_function_is_anonymous()
    {
        Assert.All(HttpFunctions.Where(f => f.Name != PreflightFunction.Name),
            f => Assert.NotEqual(AuthorizationLevel.Anonymous, f.Trigger.AuthLevel));
    }

    [Fact]
    public void No_route_starts_with_a_segment_the_host_reserves()
    {
        Assert.All(HttpFunctions, f => Assert.False(
            f.Trigger.Route is { } route && (route.StartsWith("admin", StringComparison.OrdinalIgnoreCase)
                || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase)),
            $"{f.Name}: {f.Trigger.Route}"));
    }

    [Theory]
    [InlineData("ListItems", "get", "items")]
    [InlineData("CreateItem", "post", "items")]
    [InlineData("GetItem", "get", "items/{id}")]
    [InlineData("PutItem", "put", "items/{id}")]
    [InlineData("DeleteItem", "delete", "items/{id}")]
    public void The_sample_items_API_needs_a_function_key(string name, string method, string route)
    {
        var (_, trigger) = Assert.Single(HttpFunctions, f => f.Name == name);

        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal([method], trigger.Methods ?? []);
        Assert.Equal(route, trigger.Route);
    }
}
