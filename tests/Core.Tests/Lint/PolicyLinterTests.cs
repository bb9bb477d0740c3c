using CorsFunctions.Core.Lint;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Core.Tests.Support;

namespace CorsFunctions.Core.Tests.Lint;

public sealed class PolicyLinterTests
{
    // Valid and quiet in any app: a max age, routes under /api, exact origins.
    private static readonly CorsPolicyDefinition s_quiet = Definitions.Valid with
    {
        Routes = ["/api/items", "/api/items/*"],
        AllowedMethods = ["PUT"],
        MaxAgeSeconds = 600,
    };

    private static readonly AppFunction[] s_functions =
    [
        Function("CorsPreflight", "{*path}", "options"),
        Function("Items", "items", "get", "post"),
        Function("Item", "items/{id}", "get", "put", "delete"),
    ];

    private static readonly PolicyLintContext s_app = new("api", s_functions);

    [Fact]
    public void A_policy_that_says_what_it_means_gets_no_warning_with_or_without_the_app()
    {
        Assert.Empty(Lint(s_quiet, s_app));
        Assert.Empty(Lint(s_quiet, PolicyLintContext.Unknown));
    }

    [Fact]
    public void An_invalid_policy_gets_its_errors_and_no_warning()
    {
        var compilation = PolicyCompiler.Compile(s_quiet with { AllowedOrigins = [], MaxAgeSeconds = null });

        Assert.False(compilation.Succeeded);
        Assert.Empty(PolicyLinter.Lint(compilation, s_app));
    }

    [Fact]
    public void No_max_age_warns_that_browsers_preflight_again_after_5_seconds_and_suggests_a_value()
    {
        var warning = Assert.Single(Lint(s_quiet with { MaxAgeSeconds = null }, PolicyLintContext.Unknown));

        Assert.Equal(PolicyWarningCodes.MaxAgeMissing, warning.Code);
        Assert.Equal(nameof(CorsPolicyDefinition.MaxAgeSeconds), warning.Field);
        Assert.Contains("5 seconds", warning.Message, StringComparison.Ordinal);
        Assert.Contains("600", warning.Message, StringComparison.Ordinal);
        Assert.Contains("7200", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_mode_warns_that_it_shows_the_lists_to_allowed_pages_so_it_is_not_left_on()
    {
        var warning = Assert.Single(Lint(s_quiet with { Debug = true }, s_app));

        Assert.Equal(PolicyWarningCodes.DebugOn, warning.Code);
        Assert.Equal(nameof(CorsPolicyDefinition.Debug), warning.Field);
        Assert.Contains("Turn it off", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_max_age_of_zero_is_a_choice_not_an_omission()
    {
        Assert.Empty(Lint(s_quiet with { MaxAgeSeconds = 0 }, PolicyLintContext.Unknown));
    }

    [Theory]
    [InlineData("/orders/*", "/api/orders/*")]
    [InlineData("/", "/api")]
    [InlineData("/API2/items", "/api/API2/items")]
    public void A_route_outside_the_route_prefix_warns_and_suggests_it_under_the_prefix(string route, string suggested)
    {
        var warnings = Lint(s_quiet with { Routes = ["/api/items", route] }, new PolicyLintContext("api", null));

        var warning = Assert.Single(warnings);
        Assert.Equal(PolicyWarningCodes.RoutePrefixMissing, warning.Code);
        Assert.Equal(route, warning.Value);
        Assert.Contains($"'{suggested}'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/API/items")]
    [InlineData("/*/items")]
    [InlineData("/**")]
    public void Routes_under_the_prefix_in_any_case_or_starting_with_a_wildcard_do_not_warn(string route)
    {
        Assert.Empty(Lint(s_quiet with { Routes = [route] }, new PolicyLintContext("api", null)));
    }

    [Fact]
    public void An_empty_route_prefix_never_warns_about_the_prefix()
    {
        Assert.Empty(Lint(s_quiet with { Routes = ["/orders"] }, new PolicyLintContext("", null)));
    }

    [Fact]
    public void A_route_no_function_serves_warns_and_lists_what_the_app_serves_but_the_options_only_catch_all_reaches_nothing()
    {
        var warnings = Lint(s_quiet with { Routes = ["/api/items/*", "/api/orders/*"] }, s_app);

        var warning = Assert.Single(warnings);
        Assert.Equal(PolicyWarningCodes.RouteUnreachable, warning.Code);
        Assert.Equal("/api/orders/*", warning.Value);
        Assert.Contains("/api/items/{id}", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{*path}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_with_no_function_but_the_catch_all_makes_every_route_unreachable()
    {
        var warning = Assert.Single(Lint(s_quiet with { Routes = ["/api/items"] }, new PolicyLintContext("api", [s_functions[0]])));

        Assert.Equal(PolicyWarningCodes.RouteUnreachable, warning.Code);
        Assert.Contains("the app has none", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Star_methods_where_every_reached_function_lists_its_methods_warns_with_the_methods_they_accept()
    {
        var warning = Assert.Single(Lint(s_quiet with { AllowedMethods = ["*"] }, s_app));

        Assert.Equal(PolicyWarningCodes.MethodsWiderThanNeeded, warning.Code);
        Assert.Contains("DELETE, GET, POST, PUT", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Items, Item", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Star_methods_stay_quiet_when_a_reached_function_takes_every_method_or_the_functions_are_unknown()
    {
        var everyMethod = new PolicyLintContext("api", [.. s_functions, Function("Anything", "items/{id}")]);
        var star = s_quiet with { AllowedMethods = ["*"] };

        Assert.Empty(Lint(star with { Routes = ["/api/items/*"] }, everyMethod));
        Assert.Empty(Lint(star, new PolicyLintContext("api", null)));
    }

    [Theory]
    [InlineData("https://*.azurewebsites.net", "azurewebsites.net", "Azure App Service")]
    [InlineData("https://*.github.io", "github.io", "GitHub")]
    [InlineData("https://*.westeurope.cloudapp.azure.com", "westeurope.cloudapp.azure.com", "public IP")]
    [InlineData("https://*.z13.web.core.windows.net:8443", "z13.web.core.windows.net", "static website")]
    [InlineData("https://*.web.core.windows.net", "web.core.windows.net", "static website")]
    [InlineData("https://*.s3.amazonaws.com", "s3.amazonaws.com", "Public Suffix List")]
    [InlineData("https://*.azurewebsites.net.", "azurewebsites.net", "Azure App Service")] // the same domain, spelled with its trailing dot
    public void A_wildcard_on_a_shared_platform_domain_warns_and_says_who_else_can_host_a_page_there(string origin, string domain, string who)
    {
        var definition = s_quiet with { AllowedOrigins = [origin], DangerouslyAllowPublicSuffixWildcards = true };

        var warning = Assert.Single(Lint(definition, PolicyLintContext.Unknown));

        Assert.Equal(PolicyWarningCodes.OriginSharedDomain, warning.Code);
        Assert.Equal(origin, warning.Value);
        Assert.Contains($"'{domain}'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(who, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://*.example.com")]
    [InlineData("https://*.myapp.azurewebsites.net")]
    [InlineData("https://*.myenv.westeurope.azurecontainerapps.io")]
    public void A_wildcard_on_a_domain_of_ones_own_does_not_warn(string origin)
    {
        Assert.Empty(Lint(s_quiet with { AllowedOrigins = [origin] }, PolicyLintContext.Unknown));
    }

    [Fact]
    public void Every_warning_code_is_distinct_and_namespaced_apart_from_the_error_codes()
    {
        var codes = typeof(PolicyWarningCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

        Assert.Equal(6, codes.Length);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.StartsWith("lint.", c, StringComparison.Ordinal));
    }

    private static IReadOnlyList<PolicyWarning> Lint(CorsPolicyDefinition definition, PolicyLintContext context) =>
        PolicyLinter.Lint(PolicyCompiler.Compile(definition), context);

    private static AppFunction Function(string name, string route, params string[] methods) =>
        new(name, FunctionRouteTemplate.Parse("api", route), methods);
}
