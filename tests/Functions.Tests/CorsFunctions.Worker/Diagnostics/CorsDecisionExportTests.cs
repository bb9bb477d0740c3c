using System.Diagnostics;
using CorsFunctions.Core;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Diagnostics;
using Moq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CorsFunctions.Functions.Tests.Diagnostics;

/// <summary>What an OpenTelemetry exporter receives for a CORS decision: one metric point and the span's tags.</summary>
[Collection(OpenTelemetryExportTestGroup.Name)]
public sealed class CorsDecisionExportTests : IDisposable
{
    // The worker's own activity source: with OpenTelemetry on, each invocation runs inside one of its activities.
    private const string InvocationSource = "Microsoft.Azure.Functions.Worker";
    private const string Trusted = "https://trusted.example.com";
    private const string Refused = "https://evil.example.com";

    private static readonly ActivitySource Invocations = new(InvocationSource);

    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<Activity> _spans = [];
    private readonly MeterProvider _meterProvider;
    private readonly TracerProvider _tracerProvider;
    private readonly CorsHarness _cors = CorsHarness.With(CorsHarness.Items);

    public CorsDecisionExportTests()
    {
        _meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(CorsFunctionsTelemetry.MeterName).AddInMemoryExporter(_metrics).Build();
        _tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(InvocationSource).AddInMemoryExporter(_spans).Build();
    }

    public void Dispose()
    {
        _cors.Dispose();
        _meterProvider.Dispose();
        _tracerProvider.Dispose();
    }

    // OPTIONS /api/items/42 from an untrusted origin: the attributes the metric point and the span both carry.
    private static readonly Dictionary<string, string> s_refusedPreflightTags = new()
    {
        ["cors.request.kind"] = "preflight",
        ["cors.outcome"] = "rejected",
        ["cors.policy.mode"] = "enforce",
        ["cors.rejection.reason"] = "origin_not_allowed",
        ["cors.policy.id"] = "items",
        ["http.route"] = "/api/items/*",
    };

    [Fact]
    public void Refused_preflight_exports_one_decision_point_with_bounded_attributes_and_no_origin()
    {
        InInvocation(() => _cors.Answer(Preflight("/api/items/42", Refused, "PUT")));

        var point = Assert.Single(DecisionPoints());
        Assert.Equal(1, point.Value);
        Assert.Equal(s_refusedPreflightTags, point.Tags);
        Assert.DoesNotContain(point.Tags.Values, value => value.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public void Refused_preflight_tags_the_invocation_span_with_the_same_attributes()
    {
        InInvocation(() => _cors.Answer(Preflight("/api/items/42", Refused, "PUT")));

        var span = Assert.Single(_spans);
        Assert.Equal(s_refusedPreflightTags, span.TagObjects.ToDictionary(t => t.Key, t => (string)t.Value!));
        Assert.Equal(ActivityStatusCode.Unset, span.Status); // a refusal is a decision, not an error
    }

    [Fact]
    public void Allowed_actual_request_carries_no_rejection_reason()
    {
        InInvocation(() => _cors.Answer(new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted))));

        var point = Assert.Single(DecisionPoints());
        Assert.Equal(new Dictionary<string, string>
        {
            ["cors.request.kind"] = "actual",
            ["cors.outcome"] = "allowed",
            ["cors.policy.mode"] = "enforce",
            ["cors.policy.id"] = "items",
            ["http.route"] = "/api/items",
        }, point.Tags);
        Assert.DoesNotContain(Assert.Single(_spans).TagObjects, t => t.Key == CorsAttributes.RejectionReason);
    }

    [Fact]
    public void Preflight_on_a_path_no_policy_governs_has_neither_policy_nor_route()
    {
        InInvocation(() => _cors.Answer(Preflight("/api/orders/7", Trusted, "PUT")));

        Assert.Equal(new Dictionary<string, string>
        {
            ["cors.request.kind"] = "preflight",
            ["cors.outcome"] = "rejected",
            ["cors.policy.mode"] = "enforce",
            ["cors.rejection.reason"] = "no_policy",
        }, Assert.Single(DecisionPoints()).Tags);
    }

    [Fact]
    public void Failed_evaluation_is_counted_as_an_evaluation_error_and_marks_the_span_as_failed()
    {
        var source = new Mock<CorsFunctions.Worker.Policies.IPolicySnapshotSource>();
        source.Setup(s => s.Current).Throws(new InvalidOperationException("boom"));
        using var cors = new CorsHarness(source.Object);

        InInvocation(() => cors.Answer(Preflight("/api/items", Trusted, "GET")));

        Assert.Equal("evaluation_error", Assert.Single(DecisionPoints()).Tags["cors.rejection.reason"]);
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(_spans).Status);
    }

    [Fact]
    public void Repeated_decisions_add_up_on_one_point_per_attribute_set()
    {
        for (var i = 0; i < 3; i++)
        {
            _cors.Answer(Preflight($"/api/items/{i}", $"https://evil{i}.example.com", "PUT"));
        }

        Assert.Equal(3, Assert.Single(DecisionPoints()).Value); // three origins, one series: origins never become attributes
    }

    private static FakeCorsRequest Preflight(string path, string origin, string method) =>
        new("OPTIONS", path, (CorsHeaderNames.Origin, origin), (CorsHeaderNames.RequestMethod, method));

    private static void InInvocation(Action action)
    {
        using var invocation = Invocations.StartActivity("Invoke");
        Assert.NotNull(invocation);
        action();
    }

    private List<(long Value, Dictionary<string, string> Tags)> DecisionPoints()
    {
        _meterProvider.ForceFlush();
        var latest = _metrics.LastOrDefault(m => m.Name == CorsDecisionTelemetry.DecisionsInstrument);
        return latest is null ? [] : latest.MetricPoints.Select(point => (point.GetSumLong(), Tags(point))).ToList();
    }

    private static Dictionary<string, string> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, string>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = (string)tag.Value!;
        }

        return tags;
    }
}
