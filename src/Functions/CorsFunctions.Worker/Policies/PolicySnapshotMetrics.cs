using System.Diagnostics.Metrics;
using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The instruments an alert on the policy snapshot uses: reloads by outcome, the snapshot's age and the number
/// of invalid policies, the last two observed from the snapshot in force.
/// </summary>
internal sealed class PolicySnapshotMetrics
{
    /// <summary>Counter of reloads, attribute <c>cors.refresh.outcome</c>.</summary>
    public const string RefreshesInstrument = "cors.policy.refreshes";

    /// <summary>Gauge: seconds since the policies in force were read (since startup while none ever was).</summary>
    public const string SnapshotAgeInstrument = "cors.policy.snapshot.age";

    /// <summary>Gauge: invalid policies (failing closed on their routes, or skipped).</summary>
    public const string InvalidInstrument = "cors.policy.invalid";

    private readonly Counter<long> _refreshes;

    public PolicySnapshotMetrics(IMeterFactory meterFactory, IPolicySnapshotSource source, TimeProvider timeProvider)
    {
        // Stryker disable once Statement : IMeterFactory.Create (an extension) throws the same ArgumentNullException for meterFactory.
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var meter = meterFactory.Create(CorsFunctionsTelemetry.MeterName);
        var startedAt = timeProvider.GetUtcNow();
        _refreshes = meter.CreateCounter<long>(RefreshesInstrument, "{refresh}", "Policy reloads from the store, by outcome (success, failure).");

        // Before the first load the empty snapshot is as old as the app: a store that never answers still trips the age alert.
        meter.CreateObservableGauge(SnapshotAgeInstrument, () => (timeProvider.GetUtcNow() - (source.Current.LoadedAt ?? startedAt)).TotalSeconds,
            unit: "s", description: "Seconds since the policies in force were read from the store (since startup while none ever was).");
        meter.CreateObservableGauge(InvalidInstrument, () => InvalidCount(source.Current), unit: "{policy}",
            description: "Invalid policies in force (their routes refuse every CORS request) or skipped (no readable route).");
    }

    /// <summary>Counts a successful reload.</summary>
    public void RefreshSucceeded() => _refreshes.Add(1, new KeyValuePair<string, object?>(CorsAttributes.RefreshOutcome, CorsAttributes.Success));

    /// <summary>Counts a failed reload.</summary>
    public void RefreshFailed() => _refreshes.Add(1, new KeyValuePair<string, object?>(CorsAttributes.RefreshOutcome, CorsAttributes.Failure));

    /// <summary>Policies of the snapshot that are invalid: failing closed on their routes or skipped.</summary>
    public static int InvalidCount(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Policies.Entries.Count(e => e.Policy is null) + snapshot.Policies.Skipped.Count;
    }
}
