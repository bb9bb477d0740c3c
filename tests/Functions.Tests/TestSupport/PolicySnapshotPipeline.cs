using System.Diagnostics.Metrics;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// The background policy types wired as the app wires them (snapshot, metrics, reporter, schedule, loader, refresher),
/// every log going to one collector.
/// </summary>
internal sealed class PolicySnapshotPipeline : IDisposable
{
    private readonly CurrentPolicySnapshot _snapshot = new();

    public PolicySnapshotPipeline(IPolicyStore store, CorsPolicyOptions options, TimeProvider time, IMeterFactory meterFactory, FakeLogCollector? logs = null)
    {
        Logs = logs ?? new FakeLogCollector();
        var settings = Options.Create(options);
        var schedule = new PolicyReloadSchedule(settings);
        Loader = new PolicySnapshotLoader(store, _snapshot, new PolicySnapshotReporter(settings, new FakeLogger<PolicySnapshotReporter>(Logs)),
            new PolicySnapshotMetrics(meterFactory, _snapshot, time), schedule, time, new FakeLogger<PolicySnapshotLoader>(Logs));
        Refresher = new PolicySnapshotRefresher(Loader, _snapshot, schedule, time);
    }

    public FakeLogCollector Logs { get; }

    public PolicySnapshotLoader Loader { get; }

    public PolicySnapshotRefresher Refresher { get; }

    public IPolicySnapshotSource Source => _snapshot;

    public PolicySnapshot Current => _snapshot.Current;

    public Task<PolicySnapshot> FirstLoaded => _snapshot.FirstLoaded;

    public Task StartAsync(CancellationToken cancellationToken) => Refresher.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Refresher.StopAsync(cancellationToken);

    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => Loader.RefreshAsync(cancellationToken);

    public void Dispose()
    {
        Refresher.Dispose();
        Loader.Dispose();
    }
}
