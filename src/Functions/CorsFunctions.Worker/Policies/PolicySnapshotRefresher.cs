using System.Diagnostics.Metrics;
using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Policies;

/// <summary>Reloads the policy snapshot on demand, e.g. right after the management API wrote a policy.</summary>
internal interface IPolicySnapshotRefresher
{
    /// <summary>Reloads now; false when the store could not be read (the previous snapshot stays).</summary>
    Task<bool> RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Keeps the <see cref="PolicySnapshot"/> in force: loads it at startup, reloads it every
/// <see cref="CorsPolicyOptions.RefreshSeconds"/>, compiles every row with Core and swaps the whole snapshot
/// atomically. A failed reload keeps the last good snapshot; before the first success every CORS request is
/// refused (fail closed) and loads are retried with a capped exponential backoff.
/// </summary>
internal sealed class PolicySnapshotRefresher : BackgroundService, IPolicySnapshotSource, IPolicySnapshotRefresher, IPolicySnapshotReady
{
    /// <summary>The first retry delay after a failed cold start; it doubles up to <see cref="MaxColdStartBackoff"/>.</summary>
    public static readonly TimeSpan FirstColdStartBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between cold-start attempts (never longer than the refresh interval).</summary>
    public static readonly TimeSpan MaxColdStartBackoff = TimeSpan.FromSeconds(30);

    /// <summary>How long startup waits for the first load before letting the app run fail closed.</summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    private readonly IPolicyStore _store;
    private readonly CorsPolicyOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly PolicySnapshotMetrics _metrics;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource<PolicySnapshot> _firstLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Guarded by _gate: what was last logged, so errors are reported once per change, not on every reload.
    private Dictionary<string, ETag> _loadedVersions = new(StringComparer.Ordinal);
    private Dictionary<string, ETag> _reportedInvalid = new(StringComparer.Ordinal);
    private HashSet<string> _reportedConflicts = new(StringComparer.Ordinal);
    private int _consecutiveFailures;
    private Task? _firstLoad;

    private PolicySnapshot _current = PolicySnapshot.NotLoaded;

    public PolicySnapshotRefresher(IPolicyStore store, IOptions<CorsPolicyOptions> options, TimeProvider timeProvider,
        IMeterFactory meterFactory, ILogger<PolicySnapshotRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = new PolicySnapshotMetrics(meterFactory, this, timeProvider);
    }

    /// <inheritdoc />
    public PolicySnapshot Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public Task<PolicySnapshot> FirstLoaded => _firstLoaded.Task;

    /// <summary>
    /// Starts the first load and waits for it (at most <see cref="StartupWait"/>), then starts the reload loop.
    /// The first load runs here rather than in <see cref="ExecuteAsync"/>, which .NET runs on another thread.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _firstLoad = RefreshAsync(CancellationToken.None);
        try
        {
            await _firstLoad.WaitAsync(StartupWait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The store is slow: keep starting, fail closed until the load in progress completes.
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
            var versions = stored.ToDictionary(p => p.Definition.Id, p => p.ETag, StringComparer.Ordinal);
            var unchanged = Current.IsLoaded && SameVersions(versions, _loadedVersions);

            // Rows keep their ETag until they change: an unchanged table keeps the compiled set, only its age resets.
            var policies = unchanged ? Current.Policies : PolicySet.Create(stored.Select(p => p.Compile()));
            var snapshot = new PolicySnapshot(policies, _timeProvider.GetUtcNow());
            Volatile.Write(ref _current, snapshot);
            _consecutiveFailures = 0;
            _metrics.RefreshSucceeded();
            ReportChanges(versions, unchanged, snapshot);
            _firstLoaded.TrySetResult(snapshot);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _consecutiveFailures++;
            _metrics.RefreshFailed();
            if (Current.LoadedAt is { } loadedAt)
            {
                PolicyLog.RefreshFailedKeepingSnapshot(_logger, e, _consecutiveFailures, (_timeProvider.GetUtcNow() - loadedAt).TotalSeconds);
            }
            else
            {
                PolicyLog.ColdStartFailed(_logger, e, _consecutiveFailures, NextDelay().TotalSeconds);
            }

            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await (_firstLoad ?? Task.CompletedTask).WaitAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(NextDelay(), _timeProvider, stoppingToken).ConfigureAwait(false);
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>The refresh interval once loaded; before that 1 s, 2 s, 4 s... capped at 30 s and at the interval.</summary>
    private TimeSpan NextDelay()
    {
        var interval = _options.RefreshInterval;
        if (Current.IsLoaded)
        {
            return interval;
        }

        var doublings = Math.Min(Math.Max(_consecutiveFailures - 1, 0), 16);
        var backoff = FirstColdStartBackoff * (1L << doublings);
        return TimeSpan.FromTicks(Math.Min(backoff.Ticks, Math.Min(MaxColdStartBackoff.Ticks, interval.Ticks)));
    }

    private void ReportChanges(Dictionary<string, ETag> versions, bool unchanged, PolicySnapshot snapshot)
    {
        var set = snapshot.Policies;
        var invalidCount = PolicySnapshotMetrics.InvalidCount(snapshot);
        if (unchanged)
        {
            PolicyLog.SnapshotUnchanged(_logger, set.Entries.Count);
        }
        else
        {
            PolicyLog.SnapshotChanged(_logger, set.Entries.Count + set.Skipped.Count, invalidCount, _options.TableName, _options.PartitionKey);
        }

        _loadedVersions = versions;
        var invalid = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (var compilation in set.Entries.Select(e => e.Compilation).Where(c => !c.Succeeded).Concat(set.Skipped))
        {
            var etag = versions.GetValueOrDefault(compilation.Id);
            invalid[compilation.Id] = etag;
            if (!_reportedInvalid.TryGetValue(compilation.Id, out var reported) || reported != etag)
            {
                ReportInvalid(compilation);
            }
        }

        foreach (var repaired in _reportedInvalid.Keys.Where(id => !invalid.ContainsKey(id)))
        {
            PolicyLog.PolicyRepaired(_logger, repaired);
        }

        _reportedInvalid = invalid;
        var conflicts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conflict in set.Conflicts)
        {
            var losers = string.Join(", ", conflict.Losers);
            var key = $"{conflict.Route} {conflict.Winner} {losers}";
            if (conflicts.Add(key) && !_reportedConflicts.Contains(key))
            {
                PolicyLog.RouteConflict(_logger, conflict.Route, conflict.Winner, losers);
            }
        }

        _reportedConflicts = conflicts;
    }

    private void ReportInvalid(PolicyCompilation compilation)
    {
        // Ids, routes and values come from stored rows: every one goes through the one log sanitiser.
        var id = SafeLogValue.Bound(compilation.Id);
        var routes = SafeLogValue.Bound(string.Join(", ", compilation.Routes.Select(r => r.Text)));
        foreach (var error in compilation.Errors)
        {
            if (compilation.Routes.Count > 0)
            {
                PolicyLog.InvalidPolicy(_logger, id, routes, error.Field, SafeLogValue.Bound(error.Value), error.Message);
            }
            else
            {
                PolicyLog.SkippedPolicy(_logger, id, error.Field, SafeLogValue.Bound(error.Value), error.Message);
            }
        }
    }

    private static bool SameVersions(Dictionary<string, ETag> a, Dictionary<string, ETag> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var etag) && etag == p.Value);
}
