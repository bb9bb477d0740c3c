using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Routing;

/// <summary>Report-only policies are resolved beside the enforced ones and never take a route from them.</summary>
public class ReportOnlyPolicySetTests
{
    private static readonly CorsPolicyDefinition s_enforced = Valid with { Id = "items", Routes = ["/api/items/*"] };

    private static readonly CorsPolicyDefinition s_reportOnly = Valid with
    {
        Id = "a-items-next",
        Routes = ["/api/items/*"],
        AllowedOrigins = ["https://new.example.com"],
        Mode = PolicyMode.ReportOnly,
    };

    [Fact]
    public void A_report_only_policy_never_governs_the_enforced_answer_even_with_a_lower_id_on_the_same_route()
    {
        var set = PolicySet.Create([s_enforced, s_reportOnly]);

        Assert.Equal("items", set.Resolve("/api/items/1").PolicyId);
        Assert.Equal("a-items-next", set.ResolveReportOnly("/api/items/1").PolicyId);
        Assert.Empty(set.Conflicts);
    }

    [Fact]
    public void A_route_only_a_report_only_policy_names_has_no_enforced_policy()
    {
        var set = PolicySet.Create([s_reportOnly with { Routes = ["/api/orders"] }]);

        Assert.Equal(CorsRejection.NoPolicy, set.Resolve("/api/orders").Rejection);
        Assert.Equal("a-items-next", set.ResolveReportOnly("/api/orders").PolicyId);
    }

    [Fact]
    public void Without_report_only_policies_nothing_resolves_in_report_only_mode()
    {
        var set = PolicySet.Create([s_enforced]);

        Assert.Null(set.ResolveReportOnly("/api/items/1").Entry);
    }

    [Fact]
    public void Report_only_policies_resolve_among_themselves_most_specific_first()
    {
        var set = PolicySet.Create([
            s_reportOnly with { Id = "wide", Routes = ["/api/**"] },
            s_reportOnly with { Id = "narrow", Routes = ["/api/items/*"] },
        ]);

        Assert.Equal("narrow", set.ResolveReportOnly("/api/items/1").PolicyId);
        Assert.Equal("wide", set.ResolveReportOnly("/api/orders").PolicyId);
    }

    [Fact]
    public void Two_report_only_policies_on_one_route_conflict_and_the_lower_id_wins()
    {
        var set = PolicySet.Create([s_enforced, s_reportOnly, s_reportOnly with { Id = "b-items-next" }]);

        var conflict = Assert.Single(set.Conflicts);
        Assert.Equal(("/api/items/*", "a-items-next", "b-items-next"), (conflict.Route, conflict.Winner, Assert.Single(conflict.Losers)));
        Assert.Equal("a-items-next", set.ResolveReportOnly("/api/items/1").PolicyId);
    }

    [Fact]
    public void Every_enabled_policy_is_an_entry_whatever_its_mode()
    {
        var set = PolicySet.Create([s_enforced, s_reportOnly, s_reportOnly with { Id = "off", Enabled = false }]);

        Assert.Equal([("a-items-next", PolicyMode.ReportOnly), ("items", PolicyMode.Enforce)], set.Entries.Select(e => (e.Id, e.Mode)));
    }

    [Fact]
    public void An_invalid_report_only_policy_reports_invalid_without_touching_the_enforced_answer()
    {
        var set = PolicySet.Create([s_enforced, s_reportOnly with { AllowedOrigins = ["https://a.example.com/path"] }]);

        Assert.Equal(CorsRejection.None, set.Resolve("/api/items/1").Rejection);
        Assert.Equal(CorsRejection.InvalidPolicy, set.ResolveReportOnly("/api/items/1").Rejection);
    }

    [Fact]
    public void A_policy_with_an_undefined_mode_is_invalid_and_fails_closed_as_an_enforced_policy()
    {
        var set = PolicySet.Create([s_enforced with { Id = "broken", Routes = ["/api/items/1"], Mode = (PolicyMode)7 }, s_enforced]);

        Assert.Equal(CorsRejection.InvalidPolicy, set.Resolve("/api/items/1").Rejection);
        Assert.Equal(PolicyErrorCodes.ModeInvalid, Assert.Single(set.Resolve("/api/items/1").Entry!.Compilation.Errors).Code);
        Assert.Null(set.ResolveReportOnly("/api/items/1").Entry);
    }
}
