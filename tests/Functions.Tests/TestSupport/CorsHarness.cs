using System.Diagnostics.Metrics;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>The request handler wired with real metrics (collected) and a fake logger.</summary>
internal sealed class CorsHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public CorsHarness(IPolicySnapshotSource policies)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        Decisions = new MetricCollector<long>(meterFactory, CorsFunctionsTelemetry.MeterName, CorsDecisionTelemetry.DecisionsInstrument);
        Logger = new FakeLogger<CorsRequestHandler>();
        Handler = new CorsRequestHandler(policies, new CorsDecisionTelemetry(meterFactory), Logger);
    }

    /// <summary>The policies most tests use: items for a trusted origin, a dev origin on one route.</summary>
    public static CorsPolicyDefinition Items { get; } = new()
    {
        Id = "items",
        Routes = ["/api/items", "/api/items/*"],
        AllowedOrigins = ["https://trusted.example.com"],
        AllowedMethods = ["GET", "POST", "PUT", "DELETE"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
        ExposedHeaders = ["ETag"],
        AllowCredentials = true,
        MaxAgeSeconds = 600,
    };

    public CorsRequestHandler Handler { get; }

    public FakeLogger<CorsRequestHandler> Logger { get; }

    /// <summary>Every point of <c>cors.decisions</c>.</summary>
    public MetricCollector<long> Decisions { get; }

    /// <summary>The decisions of one kind (<c>preflight</c>, <c>actual</c>) as <c>outcome/reason</c>, the reason empty when allowed.</summary>
    public IReadOnlyList<string> Outcomes(string kind) => Decisions.GetMeasurementSnapshot()
        .Where(m => Equals(m.Tags[CorsAttributes.RequestKind], kind))
        .Select(m => $"{m.Tags[CorsAttributes.Outcome]}/{m.Tags.GetValueOrDefault(CorsAttributes.RejectionReason)}")
        .ToList();

    /// <summary>The points of <c>cors.decisions</c> of one kind (<c>preflight</c>, <c>actual</c>).</summary>
    public IReadOnlyList<CollectedMeasurement<long>> Points(string kind) => Decisions.GetMeasurementSnapshot()
        .Where(m => Equals(m.Tags[CorsAttributes.RequestKind], kind))
        .ToList();

    /// <summary>What the middleware does with <paramref name="request"/>: decides, then writes (and so records) the decision.</summary>
    public CorsDecision Answer(ICorsRequest request)
    {
        var decision = Handler.Decide(request);
        var sink = new HttpHeadersSink(new Microsoft.Azure.Functions.Worker.Http.HttpHeadersCollection());
        Handler.TryWrite(decision, ref sink, request);
        return decision;
    }

    public static CorsHarness With(params CorsPolicyDefinition[] definitions) => new(FixedSnapshotSource.Of(definitions));

    public void Dispose()
    {
        Decisions.Dispose();
        _services.Dispose();
    }
}
