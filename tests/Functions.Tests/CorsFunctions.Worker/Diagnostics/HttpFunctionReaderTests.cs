using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Functions.Tests.Diagnostics;

public sealed class HttpFunctionReaderTests
{
    [Fact]
    public void An_http_trigger_gives_its_name_route_and_methods()
    {
        var function = Assert.Single(HttpFunctionReader.Read([SetupFunctions.Http("GetItem", "items/{id}", "get", "head")]));

        Assert.Equal("GetItem", function.Name);
        Assert.Equal("items/{id}", function.Route);
        Assert.Equal(["get", "head"], function.Methods);
    }

    [Theory]
    [InlineData("\"authLevel\": \"Function\"", "Function", true)]
    [InlineData("\"authLevel\": \"Anonymous\"", "Anonymous", false)]
    [InlineData("\"authLevel\": 0", "anonymous", false)]
    [InlineData("\"authLevel\": 2", "2", true)]
    [InlineData("\"route\": \"f\"", "function", true)]
    public void A_trigger_gives_its_auth_level_as_written_the_host_default_when_it_names_none(string member, string level, bool needsKey)
    {
        var metadata = SetupFunctions.Metadata("F", "App.Functions.F.Run", $$"""{"name": "request", "direction": "In", "type": "httpTrigger", {{member}}}""");

        var function = Assert.Single(HttpFunctionReader.Read([metadata]));

        Assert.Equal(level, function.AuthLevel);
        Assert.Equal(needsKey, function.NeedsKey);
    }

    [Fact]
    public void A_trigger_without_a_route_is_served_on_its_function_name()
    {
        Assert.Equal("Ping", Assert.Single(HttpFunctionReader.Read([SetupFunctions.Http("Ping", route: null, "get")])).Route);
    }

    [Fact]
    public void Methods_left_out_or_empty_mean_every_method_including_options()
    {
        var functions = HttpFunctionReader.Read([SetupFunctions.Http("NoList", "a", methods: null), SetupFunctions.Http("EmptyList", "b")]);

        Assert.All(functions, f => Assert.Empty(f.Methods));
        Assert.All(functions, f => Assert.True(f.AcceptsOptions));
    }

    [Theory]
    [InlineData("options")]
    [InlineData("OPTIONS")]
    public void A_trigger_listing_options_in_any_case_accepts_preflights(string method)
    {
        Assert.True(Assert.Single(HttpFunctionReader.Read([SetupFunctions.Http("F", "f", "get", method)])).AcceptsOptions);
    }

    [Fact]
    public void A_trigger_with_explicit_methods_and_no_options_does_not_accept_preflights()
    {
        Assert.False(Assert.Single(HttpFunctionReader.Read([SetupFunctions.Http("F", "f", "get", "put")])).AcceptsOptions);
    }

    [Fact]
    public void Functions_that_are_not_http_triggered_are_left_out()
    {
        var timer = SetupFunctions.Metadata("Nightly", "App.Jobs.Nightly.Run", """{"name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 0 0 * * *"}""");

        Assert.Empty(HttpFunctionReader.Read([timer]));
    }

    [Fact]
    public void The_librarys_own_functions_are_left_out()
    {
        var preflight = SetupFunctions.Metadata("CorsPreflight", "CorsFunctions.Worker.Preflight.PreflightFunction.Run",
            """{"name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": ["options"], "route": "{*path}"}""");
        var management = SetupFunctions.Metadata("CorsCheck", "CorsFunctions.Worker.Management.Functions.ManagementFunctions.CheckAsync",
            """{"name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Function", "methods": ["post"], "route": "cors-check"}""");

        Assert.Empty(HttpFunctionReader.Read([preflight, management]));
    }

    [Theory]
    [InlineData("CorsFunctions.Worker.Mine.Run")]
    [InlineData("CorsFunctions.Worker.Management.Functions.Mine.Run")]
    public void An_app_function_in_a_namespace_that_only_looks_like_the_librarys_is_kept(string entryPoint)
    {
        var lookalike = SetupFunctions.Metadata("Mine", entryPoint,
            """{"name": "request", "direction": "In", "type": "httpTrigger", "methods": ["get"], "route": "mine"}""");

        Assert.Equal("Mine", Assert.Single(HttpFunctionReader.Read([lookalike])).Name);
    }

    [Fact]
    public void A_binding_that_is_not_json_is_skipped_and_the_next_one_read()
    {
        var function = SetupFunctions.Metadata("F", "App.F.Run", "{not json", """{"type": "HttpTrigger", "methods": ["get"], "route": "f"}""");

        Assert.Equal("f", Assert.Single(HttpFunctionReader.Read([function])).Route);
    }
}
