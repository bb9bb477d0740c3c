using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// One load at a time. A load first reads the change marker: when it has not moved since the last full read and that
/// read is younger than <see cref="CorsPolicyOptions.FullReloadMinutes"/>, nothing was written through the pipeline and
/// the snapshot in force is kept (only its age resets). Otherwise it reads every row, compiles only the rows that are new
/// or whose ETag changed, reuses every other compilation, and swaps the new snapshot in. A failed read keeps the
/// snapshot in force and is counted and logged.
/// </summary>
internal sealed class PolicySnapshotLoader(IPolicyStore store, CurrentPolicySnapshot snapshot, PolicySnapshotReporter reporter,
    PolicySnapshotMetrics metrics, PolicyReloadSchedule schedule, TimeProvider timeProvider, ILogger<PolicySnapshotLoader> logger) : IPolicySnapshotRefresher, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Guarded by _gate: the row versions the set in force was built from, as of the last full read.
    private Dictionary<string, ETag> _loadedVersions = new(StringComparer.Ordinal);
    private ETag? _loadedMarker;
    private DateTimeOffset _lastFullLoad;

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
            // Read before the rows: a write that lands after this read moves the marker again, so the next load sees it.
            var marker = await store.ReadChangeMarkerAsync(cancellationToken).ConfigureAwait(false);
            var current = snapshot.Current;
            var now = timeProvider.GetUtcNow();
            var quiet = current.IsLoaded && marker == _loadedMarker && !schedule.FullReloadDue(_lastFullLoad, now);
            var changed = quiet ? null : await ReadAllAsync(current.Policies, marker, now, cancellationToken).ConfigureAwait(false);
            var unchanged = current.IsLoaded && changed is null;
            var loaded = new PolicySnapshot(changed ?? current.Policies, timeProvider.GetUtcNow());
            snapshot.Replace(loaded);
            Volatile.Write(ref _consecutiveFailures, 0);
            metrics.RefreshSucceeded();
            reporter.Report(loaded, _loadedVersions, unchanged);
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

    /// <summary>
    /// Reads every row and returns <paramref name="inForce"/> with the new, changed and deleted rows applied, or null when
    /// no row changed. A row whose ETag is the one last read is not compiled again: <see cref="PolicySet.With"/> keeps its
    /// compilation (a disabled row has none in the set, and needs none).
    /// </summary>
    private async Task<PolicySet?> ReadAllAsync(PolicySet inForce, ETag? marker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<string, ETag>(stored.Count, StringComparer.Ordinal);
        var changed = new List<PolicyCompilation>();
        foreach (var row in stored)
        {
            versions[row.Definition.Id] = row.ETag;
            if (!_loadedVersions.TryGetValue(row.Definition.Id, out var loaded) || loaded != row.ETag)
            {
                changed.Add(row.Compile());
            }
        }

        var removed = _loadedVersions.Keys.Where(id => !versions.ContainsKey(id)).ToList();
        var next = changed.Count == 0 && removed.Count == 0 ? null : inForce.With(changed, removed);
        _loadedVersions = versions;
        _loadedMarker = marker;
        _lastFullLoad = now;
        return next;
    }
}
