using Azure;
using CorsFunctions.Core.Routing;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// One load at a time: reads every row, compiles them with Core (unless no row changed since the last load) and
/// swaps the new snapshot in; a failed read keeps the snapshot in force and is counted and logged.
/// </summary>
internal sealed class PolicySnapshotLoader(IPolicyStore store, CurrentPolicySnapshot snapshot, PolicySnapshotReporter reporter,
    PolicySnapshotMetrics metrics, PolicyReloadSchedule schedule, TimeProvider timeProvider, ILogger<PolicySnapshotLoader> logger) : IPolicySnapshotRefresher, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Guarded by _gate.
    private Dictionary<string, ETag> _loadedVersions = new(StringComparer.Ordinal);

    // Written only under _gate, read without it by the reload loop through ConsecutiveFailures (volatile).
    private int _consecutiveFailures;

    /// <summary>Loads that failed since the last success (read by the schedule for its cold-start backoff).</summary>
    public int ConsecutiveFailures => Volatile.Read(ref _consecutiveFailures);

    /// <inheritdoc />
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            var versions = stored.ToDictionary(p => p.Definition.Id, p => p.ETag, StringComparer.Ordinal);
            var current = snapshot.Current;
            var unchanged = current.IsLoaded && SameVersions(versions, _loadedVersions);

            // Rows keep their ETag until they change: an unchanged table keeps the compiled set, only its age resets.
            var policies = unchanged ? current.Policies : PolicySet.Create(stored.Select(p => p.Compile()));
            var loaded = new PolicySnapshot(policies, timeProvider.GetUtcNow());
            snapshot.Replace(loaded);
            _loadedVersions = versions;
            Volatile.Write(ref _consecutiveFailures, 0);
            metrics.RefreshSucceeded();
            reporter.Report(loaded, versions, unchanged);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failures = Interlocked.Increment(ref _consecutiveFailures);
            metrics.RefreshFailed();
            if (snapshot.Current.LoadedAt is { } loadedAt)
            {
                PolicyLog.RefreshFailedKeepingSnapshot(logger, e, failures, (timeProvider.GetUtcNow() - loadedAt).TotalSeconds);
            }
            else
            {
                PolicyLog.ColdStartFailed(logger, e, failures, schedule.NextDelay(loaded: false, failures).TotalSeconds);
            }

            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static bool SameVersions(Dictionary<string, ETag> a, Dictionary<string, ETag> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var etag) && etag == p.Value);
}
