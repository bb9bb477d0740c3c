using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CorsFunctions.Functions.Tests.Diagnostics;

public sealed class CorsSetupCheckTests
{
    private static readonly CorsPolicyOptions Options = new() { TableName = "CorsPolicies", PartitionKey = "shop" };

    private readonly FakeLogger _logger = new();

    private static HttpFunction Function(string name, string route, params string[] methods) => new(name, route, methods);

    private static PolicySet Policies(params string[] routes) =>
        routes.Length == 0 ? PolicySet.Empty : PolicySet.Create([TestPolicies.Items("items", routes)]);

    private IReadOnlyList<FakeLogRecord> Warnings() => [.. _logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning)];

    /// <summary>Exactly one warning was logged, with <paramref name="eventId"/> and every one of <paramref name="fragments"/>.</summary>
    private void AssertOneWarning(int eventId, params string[] fragments)
    {
        var warning = Assert.Single(Warnings());
        Assert.Equal(eventId, warning.Id.Id);
        Assert.All(fragments, fragment => Assert.Contains(fragment, warning.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_trigger_without_methods_is_named_with_the_fix()
    {
        CorsSetupCheck.CheckMethods([Function("Anything", "items/{id}"), Function("Fine", "items", "get")], "api", _logger);

        AssertOneWarning(3000, "HTTP function Anything (route /api/items/{id}) lists no methods", "Fix: list its methods");
    }

    [Fact]
    public void A_trigger_listing_options_is_named_with_the_fix()
    {
        CorsSetupCheck.CheckMethods([Function("Archive", "orders", "get", "Options")], "api", _logger);

        AssertOneWarning(3001, "HTTP function Archive (route /api/orders) lists \"options\"", "Fix: remove \"options\"");
    }

    [Theory]
    [InlineData("Basket", null, 3000)] // sorts before CorsPreflight: the host tries its route first and takes the preflights
    [InlineData("basket", null, 3000)] // the host compares names case-insensitively
    [InlineData("Cart", "options", 3001)]
    [InlineData("Ping", null, null)] // sorts after CorsPreflight: CorsPreflight takes every preflight first
    [InlineData("Widgets", "options", null)]
    [InlineData("Cors_Other", null, null)] // '_' sorts after every letter, case-insensitively ("P" < "_")
    public void Only_a_trigger_accepting_OPTIONS_that_the_host_tries_before_CorsPreflight_is_warned_about(string name, string? extraMethod,
        int? eventId)
    {
        string[] methods = extraMethod is null ? [] : ["get", extraMethod];
        CorsSetupCheck.CheckMethods([Function(name, "things", methods)], "api", _logger);

        if (eventId is { } id)
        {
            AssertOneWarning(id, $"HTTP function {name} (route /api/things)", "before CorsPreflight's (routes are tried in function-name order)");
        }
        else
        {
            Assert.Empty(_logger.Collector.GetSnapshot());
        }
    }

    [Fact]
    public void Triggers_with_explicit_methods_and_no_options_log_nothing()
    {
        CorsSetupCheck.CheckMethods([Function("List", "items", "get"), Function("Put", "items/{id}", "put", "patch")], "api", _logger);

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void Functions_all_governed_by_a_policy_log_nothing()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get"), Function("Get", "items/{id}", "get")], "api",
            Policies("/api/items", "/api/items/*"), Options, _logger);

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void A_function_no_policy_route_reaches_is_named_with_the_route_to_add()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get"), Function("Invoice", "orders/{id}/invoice", "get")], "api",
            Policies("/api/items"), Options, _logger);

        AssertOneWarning(3003, "HTTP function Invoice (route /api/orders/{id}/invoice) is governed by no enforced CORS policy of policy set shop (table CorsPolicies;", "add a policy with the route /api/orders/*/invoice");
    }

    [Fact]
    public void Policy_routes_without_the_route_prefix_give_one_warning_for_the_prefix_not_one_per_function()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get"), Function("Get", "items/{id}", "get")], "api",
            Policies("/items", "/items/*"), Options, _logger);

        AssertOneWarning(3002, "under the route prefix /api", "Fix: start the policies' routes with /api/");
    }

    [Fact]
    public void A_custom_route_prefix_is_the_one_compared()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get")], "v1", Policies("/api/items"), Options, _logger);

        AssertOneWarning(3002, "/v1");
    }

    [Fact]
    public void Without_a_route_prefix_routes_at_the_root_are_governed()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get")], "", Policies("/items"), Options, _logger);

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void The_default_policy_governs_every_function()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get"), Function("Files", "files/{*path}", "get")], "api",
            Policies("/**"), Options, _logger);

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void An_empty_policy_set_gives_one_warning_naming_the_set_and_table()
    {
        CorsSetupCheck.CheckPolicies([Function("List", "items", "get"), Function("Get", "items/{id}", "get")], "api",
            Policies(), Options, _logger);

        AssertOneWarning(3004, "Policy set shop of table CorsPolicies holds no CORS policy", "2 HTTP functions");
    }

    [Fact]
    public void An_invalid_policy_still_governs_its_routes_and_is_not_reported_again_here()
    {
        var broken = TestPolicies.Items("broken", "/api/items/*") with { MaxAgeSeconds = -1 };

        CorsSetupCheck.CheckPolicies([Function("Get", "items/{id}", "get")], "api", PolicySet.Create([broken]), Options, _logger);

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void A_function_covered_only_by_a_report_only_policy_is_named_as_governed_by_none()
    {
        var observing = TestPolicies.Items("invoices-draft", "/api/orders/*/invoice") with { Mode = PolicyMode.ReportOnly };
        var policies = PolicySet.Create([TestPolicies.Items("items", "/api/items"), observing]);

        CorsSetupCheck.CheckPolicies([Function("List", "items", "get"), Function("Invoice", "orders/{id}/invoice", "get")], "api", policies, Options, _logger);

        AssertOneWarning(3003, "HTTP function Invoice (route /api/orders/{id}/invoice) is governed by no enforced CORS policy", "report-only policies govern nothing");
    }

    [Fact]
    public void A_policy_set_of_report_only_policies_alone_gives_the_no_policy_warning()
    {
        var observing = TestPolicies.Items("everything-draft", "/**") with { Mode = PolicyMode.ReportOnly };

        CorsSetupCheck.CheckPolicies([Function("List", "items", "get")], "api", PolicySet.Create([observing]), Options, _logger);

        AssertOneWarning(3004, "Policy set shop of table CorsPolicies holds no CORS policy that is enforced", "switch report-only ones to enforce");
    }

    [Fact]
    public void Report_only_routes_under_the_prefix_do_not_hide_enforced_routes_outside_it()
    {
        var observing = TestPolicies.Items("items-draft", "/api/items") with { Mode = PolicyMode.ReportOnly };
        var policies = PolicySet.Create([TestPolicies.Items("items", "/items"), observing]);

        CorsSetupCheck.CheckPolicies([Function("List", "items", "get")], "api", policies, Options, _logger);

        AssertOneWarning(3002, "No enforced CORS policy of policy set shop", "under the route prefix /api");
    }

    [Fact]
    public void An_app_without_http_functions_logs_nothing()
    {
        CorsSetupCheck.CheckPolicies([], "api", Policies(), Options, _logger);

        Assert.Empty(_logger.Collector.GetSnapshot());
    }
}
