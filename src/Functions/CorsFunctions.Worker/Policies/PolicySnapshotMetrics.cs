using System.Diagnostics.Metrics;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Metrics of the policy snapshot (meter <c>CorsFunctions</c>): reload outcomes, snapshot age and invalid
/// policy count, observed from the snapshot in force.
/// </summary>
internal sealed class PolicySnapshotMetrics
{
    /// <summary>The meter shared by every CorsFunctions instrument.</summary>
    public const string MeterName = "CorsFunctions";

    private readonly Counter<long> _refreshes;

    public PolicySnapshotMetrics(IMeterFactory meterFactory, IPolicySnapshotSource source, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _refreshes = meter.CreateCounter<long>("cors.policies.refresh", description: "Policy reloads from the store, by outcome (success, failure).");
        meter.CreateObservableGauge("cors.policies.snapshot_age", () => SnapshotAge(source.Current, timeProvider),
            unit: "s", description: "Seconds since the policies in force were loaded; nothing before the first load.");
        meter.CreateObservableGauge("cors.policies.invalid", () => InvalidCount(source.Current),
            description: "Invalid policies in force (their routes fail closed) or skipped (no readable route).");
    }

    /// <summary>Counts a successful reload.</summary>
    public void RefreshSucceeded() => _refreshes.Add(1, new KeyValuePair<string, object?>("outcome", "success"));

    /// <summary>Counts a failed reload.</summary>
    public void RefreshFailed() => _refreshes.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));

    /// <summary>Policies of the snapshot that are invalid: failing closed on their routes or skipped.</summary>
    public static int InvalidCount(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Policies.Entries.Count(e => e.Policy is null) + snapshot.Policies.Skipped.Count;
    }

    private static IEnumerable<Measurement<double>> SnapshotAge(PolicySnapshot snapshot, TimeProvider timeProvider) =>
        snapshot.LoadedAt is { } loadedAt ? [new Measurement<double>((timeProvider.GetUtcNow() - loadedAt).TotalSeconds)] : [];
}
