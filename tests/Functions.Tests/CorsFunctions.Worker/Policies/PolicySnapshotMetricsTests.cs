using System.Diagnostics.Metrics;
using CorsFunctions.Core.Routing;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>The instruments of the background policy work, as an exporter sees them: names, units, descriptions, values.</summary>
public sealed class PolicySnapshotMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingTimeProvider _time = new();
    private readonly CurrentPolicySnapshot _snapshot = new();

    private IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Before_the_first_load_the_snapshot_is_as_old_as_the_app()
    {
        _ = new PolicySnapshotMetrics(MeterFactory, _snapshot, _time);
        using var age = new MetricCollector<double>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.SnapshotAgeInstrument);
        _time.Advance(TimeSpan.FromSeconds(90));

        age.RecordObservableInstruments();

        Assert.Equal(90, age.LastMeasurement!.Value);
        Assert.Equal("s", age.Instrument!.Unit);
        Assert.Equal("Seconds since the policies in force were read from the store (since startup while none ever was).", age.Instrument.Description);
    }

    [Fact]
    public void After_a_load_the_age_counts_from_that_load()
    {
        _ = new PolicySnapshotMetrics(MeterFactory, _snapshot, _time);
        using var age = new MetricCollector<double>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.SnapshotAgeInstrument);
        _time.Advance(TimeSpan.FromSeconds(90));
        _snapshot.Replace(new PolicySnapshot(PolicySet.Empty, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(5));

        age.RecordObservableInstruments();

        Assert.Equal(5, age.LastMeasurement!.Value);
    }

    [Fact]
    public void Invalid_policies_in_force_and_skipped_ones_are_counted()
    {
        var set = PolicySet.Create([TestPolicies.Items("ok", "/ok"), TestPolicies.Items("closed", "/closed") with { MaxAgeSeconds = -1 },
            TestPolicies.Items("skipped") with { Routes = ["no-slash"] }]);
        _snapshot.Replace(new PolicySnapshot(set, _time.GetUtcNow()));
        _ = new PolicySnapshotMetrics(MeterFactory, _snapshot, _time);
        using var invalid = new MetricCollector<int>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.InvalidInstrument);

        invalid.RecordObservableInstruments();

        Assert.Equal(2, invalid.LastMeasurement!.Value);
        Assert.Equal("{policy}", invalid.Instrument!.Unit);
        Assert.Equal("Invalid policies in force (their routes refuse every CORS request) or skipped (no readable route).", invalid.Instrument.Description);
    }

    [Fact]
    public void Reloads_are_counted_by_outcome()
    {
        var metrics = new PolicySnapshotMetrics(MeterFactory, _snapshot, _time);
        using var refreshes = new MetricCollector<long>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.RefreshesInstrument);

        metrics.RefreshSucceeded();
        metrics.RefreshFailed();
        metrics.RefreshFailed();

        Assert.Equal(["success", "failure", "failure"], refreshes.GetMeasurementSnapshot().Select(m => (string)m.Tags["cors.refresh.outcome"]!));
        Assert.Equal("{refresh}", refreshes.Instrument!.Unit);
        Assert.Equal("Policy reloads from the store, by outcome (success, failure).", refreshes.Instrument.Description);
    }

    [Fact]
    public void A_meter_factory_a_clock_and_a_snapshot_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new PolicySnapshotMetrics(null!, _snapshot, _time));
        Assert.Throws<ArgumentNullException>(() => new PolicySnapshotMetrics(MeterFactory, _snapshot, null!));
        Assert.Throws<ArgumentNullException>(() => PolicySnapshotMetrics.InvalidCount(null!));
        Assert.Throws<ArgumentNullException>(() => _snapshot.Replace(null!));
    }
}
