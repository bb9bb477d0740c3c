using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// One load at a time. A load first reads the change marker. While the last full read is younger than
/// <see cref="CorsPolicyOptions.FullReloadMinutes"/>: when the marker has not moved, nothing was written through the
/// pipeline and the snapshot in force is kept (only its age resets); when it moved and its log lists every write since
/// the version last applied, only those rows are read (point reads; a missing row was deleted). Otherwise (first load,
/// interval passed, a gap in the log, a marker without a log) it reads every row. Either way it compiles only the rows
/// that are new or whose ETag changed, reuses every other compilation, and swaps the new snapshot in. A failed read
/// keeps the snapshot in force and is counted and logged.
/// </summary>
internal sealed class PolicySnapshotLoader(IPolicyStore store, CurrentPolicySnapshot snapshot, PolicySnapshotReporter reporter,
    PolicySnapshotMetrics metrics, PolicyReloadSchedule schedule, TimeProvider timeProvider, ILogger<PolicySnapshotLoader> logger) : IPolicySnapshotRefresher, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Guarded by _gate: the row versions the set in force was built from, as of the last full read.
    private Dictionary<string, ETag> _loadedVersions = new(StringComparer.Ordinal);
    private ETag? _loadedMarker;
    private long? _appliedVersion;
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
            var fullReadDue = !current.IsLoaded || schedule.FullReloadDue(_lastFullLoad, now);
            var changed = fullReadDue ? await ReadAllAsync(current.Policies, marker, now, cancellationToken).ConfigureAwait(false)
                : marker?.ETag == _loadedMarker ? null
                : WrittenSinceApplied(marker) is { } ids ? await ReadWrittenAsync(current.Policies, marker!, ids, cancellationToken).ConfigureAwait(false)
                : await ReadAllAsync(current.Policies, marker, now, cancellationToken).ConfigureAwait(false);
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
    private async Task<PolicySet?> ReadAllAsync(PolicySet inForce, ChangeMarker? marker, DateTimeOffset now, CancellationToken cancellationToken)
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
        _loadedMarker = marker?.ETag;
        _appliedVersion = marker?.Log?.Version;
        _lastFullLoad = now;
        return next;
    }

    /// <summary>The ids the marker lists as written since the version last applied; null when it cannot say them all.</summary>
    private IReadOnlyList<string>? WrittenSinceApplied(ChangeMarker? marker) =>
        marker?.Log is { } log && _appliedVersion is { } applied && log.Version > applied ? log.IdsSince(applied) : null;

    /// <summary>
    /// Reads the rows of <paramref name="ids"/> alone and returns <paramref name="inForce"/> with them applied (a row that
    /// is gone was deleted), or null when none differs from what is in force. Every row is read before any state
    /// changes, so a failed read leaves the loader as it was and the next refresh tries again.
    /// </summary>
    private async Task<PolicySet?> ReadWrittenAsync(PolicySet inForce, ChangeMarker marker, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, StoredPolicy? Row)>(ids.Count);
        foreach (var id in ids)
        {
            rows.Add((id, await store.GetAsync(id, cancellationToken).ConfigureAwait(false)));
        }

        var changed = new List<PolicyCompilation>();
        var removed = new List<string>();
        foreach (var (id, row) in rows)
        {
            if (row is null)
            {
                if (_loadedVersions.Remove(id))
                {
                    removed.Add(id);
                }
            }
            else if (!_loadedVersions.TryGetValue(id, out var loaded) || loaded != row.ETag)
            {
                _loadedVersions[id] = row.ETag;
                changed.Add(row.Compile());
            }
        }

        _loadedMarker = marker.ETag;
        _appliedVersion = marker.Log!.Version;
        return changed.Count == 0 && removed.Count == 0 ? null : inForce.With(changed, removed);
    }
}
