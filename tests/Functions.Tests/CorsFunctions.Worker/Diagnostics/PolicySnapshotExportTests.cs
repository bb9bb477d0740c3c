using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace CorsFunctions.Functions.Tests.Diagnostics;

/// <summary>What an OpenTelemetry exporter receives from the background policy work: the instruments alerts use.</summary>
[Collection(OpenTelemetryExportTestGroup.Name)]
public sealed class PolicySnapshotExportTests : IAsyncDisposable
{
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly MeterProvider _meterProvider;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingTimeProvider _time = new();
    private readonly Mock<IPolicyStore> _store = new Mock<IPolicyStore>().WithMovingChangeMarker();
    private readonly PolicySnapshotPipeline _pipeline;

    public PolicySnapshotExportTests()
    {
        _meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(CorsFunctionsTelemetry.MeterName).AddInMemoryExporter(_metrics).Build();
        _pipeline = new PolicySnapshotPipeline(_store.Object, new CorsPolicyOptions { RefreshSeconds = 300 }, _time,
            _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
    }

    public async ValueTask DisposeAsync()
    {
        await _pipeline.StopAsync(CancellationToken.None);
        _pipeline.Dispose();
        _meterProvider.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Snapshot_age_invalid_policies_and_refresh_outcomes_are_exported()
    {
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [TestPolicies.Stored(TestPolicies.Items()), TestPolicies.Stored(TestPolicies.Items("broken") with { MaxAgeSeconds = -1 })]);
        await _pipeline.StartAsync(CancellationToken.None);
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new Azure.RequestFailedException("store unreachable"));
        await _pipeline.RefreshAsync(CancellationToken.None);
        // 42 s is inside the 300 s refresh interval: no scheduled reload races the explicit one and counts a second failure.
        _time.Advance(TimeSpan.FromSeconds(42));

        _meterProvider.ForceFlush();

        Assert.Equal(42, Single(PolicySnapshotMetrics.SnapshotAgeInstrument).GetGaugeLastValueDouble());
        Assert.Equal("s", _metrics.Last(m => m.Name == PolicySnapshotMetrics.SnapshotAgeInstrument).Unit);
        Assert.Equal(1, Single(PolicySnapshotMetrics.InvalidInstrument).GetGaugeLastValueLong());
        var refreshes = _metrics.Last(m => m.Name == PolicySnapshotMetrics.RefreshesInstrument).MetricPoints
            .ToDictionary(p => Outcome(p), p => p.GetSumLong());
        Assert.Equal(new Dictionary<string, long> { ["success"] = 1, ["failure"] = 1 }, refreshes);
    }

    private MetricPoint Single(string instrument) => Assert.Single(_metrics.Last(m => m.Name == instrument).MetricPoints);

    private static string Outcome(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "cors.refresh.outcome")
            {
                return (string)tag.Value!;
            }
        }

        return "(none)";
    }
}
