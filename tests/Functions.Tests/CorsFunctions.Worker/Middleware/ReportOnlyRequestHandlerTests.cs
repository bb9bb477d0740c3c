using System.Diagnostics;
using System.Net;
using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Functions.Tests.Middleware;

/// <summary>
/// A report-only policy is evaluated beside the enforced one: its refusals are logged and counted with
/// <c>cors.policy.mode=report_only</c>, and the answer sent is always the enforced policy's.
/// </summary>
public sealed class ReportOnlyRequestHandlerTests : IDisposable
{
    private const string Trusted = "https://trusted.example.com";
    private const string Partner = "https://partner.example.com";

    // The tightened candidate: drops the partner origin and DELETE.
    private static readonly CorsPolicyDefinition s_itemsNext = CorsHarness.Items with
    {
        Id = "items-next",
        Mode = PolicyMode.ReportOnly,
        AllowedOrigins = [Trusted],
        AllowedMethods = ["PUT"],
    };

    private readonly CorsHarness _cors = CorsHarness.With(CorsHarness.Items with { AllowedOrigins = [Trusted, Partner] }, s_itemsNext);

    public void Dispose() => _cors.Dispose();

    [Fact]
    public void A_preflight_the_report_only_policy_would_refuse_is_still_answered_by_the_enforced_policy()
    {
        var decision = Decide(_cors, FakeCorsRequest.Preflight("/api/items/1", Partner, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, decision.PreflightStatus);
        Assert.Equal(Partner, decision.Preflight.AllowOrigin);
        Assert.Equal(["enforce/allowed/", "report_only/rejected/origin_not_allowed"], Tags(_cors, CorsAttributes.Preflight));
    }

    [Fact]
    public void A_would_be_refusal_is_logged_with_both_policies_and_the_enforced_outcome()
    {
        Decide(_cors, FakeCorsRequest.Preflight("/api/items/1", Trusted, "DELETE"));

        var record = Assert.Single(_cors.Logger.Collector.GetSnapshot(), r => r.Id.Id == 1011);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal("items-next", record.GetStructuredStateValue("PolicyId"));
        Assert.Equal(nameof(CorsRejection.MethodNotAllowed), record.GetStructuredStateValue("Reason"));
        Assert.Equal("DELETE", record.GetStructuredStateValue("Detail"));
        Assert.Equal("allowed", record.GetStructuredStateValue("EnforcedOutcome"));
        Assert.Equal("items", record.GetStructuredStateValue("EnforcedPolicyId"));
    }

    [Fact]
    public void A_preflight_both_policies_allow_is_counted_in_both_modes_and_logs_no_report()
    {
        Decide(_cors, FakeCorsRequest.Preflight("/api/items/1", Trusted, "PUT"));

        Assert.Equal(["enforce/allowed/", "report_only/allowed/"], Tags(_cors, CorsAttributes.Preflight));
        Assert.DoesNotContain(_cors.Logger.Collector.GetSnapshot(), r => r.Id.Id is 1011 or 1012);
    }

    [Fact]
    public void A_report_only_policy_that_would_allow_what_is_refused_changes_nothing_either()
    {
        using var cors = CorsHarness.With(CorsHarness.Items, s_itemsNext with { AllowedOrigins = [Trusted, "https://new.example.com"] });

        var decision = Decide(cors, FakeCorsRequest.Preflight("/api/items/1", "https://new.example.com", "PUT"));

        Assert.Equal(HttpStatusCode.Forbidden, decision.PreflightStatus);
        Assert.Null(decision.Preflight.AllowOrigin);
        Assert.Equal(["enforce/rejected/origin_not_allowed", "report_only/allowed/"], Tags(cors, CorsAttributes.Preflight));
    }

    [Fact]
    public void An_actual_request_keeps_the_enforced_headers_and_the_report_only_refusal_is_logged_and_counted()
    {
        var request = new FakeCorsRequest("GET", "/api/items/1", (CorsHeaderNames.Origin, Partner));

        var decision = Decide(_cors, request);

        Assert.Equal(CorsAction.StampResponse, decision.Action);
        Assert.Equal(Partner, decision.ActualRequest.AllowOrigin);
        Assert.Equal(["enforce/allowed/", "report_only/rejected/origin_not_allowed"], Tags(_cors, CorsAttributes.Actual));
        var record = Assert.Single(_cors.Logger.Collector.GetSnapshot(), r => r.Id.Id == 1012);
        Assert.Equal("items-next", record.GetStructuredStateValue("PolicyId"));
    }

    [Fact]
    public void A_route_without_a_report_only_policy_counts_only_the_enforced_decision()
    {
        using var cors = CorsHarness.With(CorsHarness.Items, s_itemsNext with { Routes = ["/api/orders"] });

        Decide(cors, FakeCorsRequest.Preflight("/api/items/1", Trusted, "PUT"));

        Assert.Equal(["enforce/allowed/"], Tags(cors, CorsAttributes.Preflight));
    }

    [Fact]
    public void A_report_only_policy_on_a_route_no_enforced_policy_governs_reports_while_the_answer_stays_NoPolicy()
    {
        using var cors = CorsHarness.With(s_itemsNext);

        var decision = Decide(cors, FakeCorsRequest.Preflight("/api/items/1", Trusted, "PUT"));

        Assert.Equal(CorsRejection.NoPolicy, decision.Preflight.Rejection);
        Assert.Equal(["enforce/rejected/no_policy", "report_only/allowed/"], Tags(cors, CorsAttributes.Preflight));
    }

    [Fact]
    public void The_invocation_span_carries_the_enforced_decision_never_the_report_only_one()
    {
        using var activity = new Activity("Invoke").Start();

        Decide(_cors, FakeCorsRequest.Preflight("/api/items/1", Partner, "PUT"));

        Assert.Equal(CorsAttributes.Allowed, activity.GetTagItem(CorsAttributes.Outcome));
        Assert.Equal(CorsAttributes.Enforce, activity.GetTagItem(CorsAttributes.PolicyMode));
        Assert.Equal("items", activity.GetTagItem(CorsAttributes.PolicyId));
    }

    /// <summary>Decides and writes the answer, as the middleware does: the enforced decision is counted once written.</summary>
    private static CorsDecision Decide(CorsHarness cors, ICorsRequest request)
    {
        var decision = cors.Handler.Decide(request);
        var sink = new HttpHeadersSink(new HttpHeadersCollection());
        Assert.True(cors.Handler.TryWrite(decision, ref sink, request));
        return decision;
    }

    // Sorted: the report-only decision is counted when decided, the enforced one when its headers are written.
    private static List<string> Tags(CorsHarness cors, string kind) =>
        [.. cors.Points(kind).Select(m => $"{m.Tags[CorsAttributes.PolicyMode]}/{m.Tags[CorsAttributes.Outcome]}/{m.Tags.GetValueOrDefault(CorsAttributes.RejectionReason)}")
            .Order(StringComparer.Ordinal)];
}
