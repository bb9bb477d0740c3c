using System.Diagnostics.Metrics;
using CorsFunctions.Core.Policies;
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
        Preflights = new MetricCollector<long>(meterFactory, CorsRequestMetrics.MeterName, "cors.preflight");
        ActualRequests = new MetricCollector<long>(meterFactory, CorsRequestMetrics.MeterName, "cors.actual_request");
        Logger = new FakeLogger<CorsRequestHandler>();
        Handler = new CorsRequestHandler(policies, new CorsRequestMetrics(meterFactory), Logger);
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

    public MetricCollector<long> Preflights { get; }

    public MetricCollector<long> ActualRequests { get; }

    public static CorsHarness With(params CorsPolicyDefinition[] definitions) => new(FixedSnapshotSource.Of(definitions));

    public void Dispose()
    {
        Preflights.Dispose();
        ActualRequests.Dispose();
        _services.Dispose();
    }
}
