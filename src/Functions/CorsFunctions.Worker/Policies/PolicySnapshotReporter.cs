using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Logs what a successful load changed: the load itself, each invalid policy (once per row version), each repaired
/// one, each route conflict (once while it lasts). It remembers what it reported; the caller serialises loads.
/// </summary>
internal sealed class PolicySnapshotReporter(IOptions<CorsPolicyOptions> options, ILogger<PolicySnapshotReporter> logger)
{
    private Dictionary<string, ETag> _reportedInvalid = new(StringComparer.Ordinal);
    private HashSet<string> _reportedConflicts = new(StringComparer.Ordinal);

    /// <summary>Reports <paramref name="snapshot"/>, just loaded from rows at <paramref name="versions"/>.</summary>
    public void Report(PolicySnapshot snapshot, IReadOnlyDictionary<string, ETag> versions, bool unchanged)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(versions);
        var set = snapshot.Policies;
        if (unchanged)
        {
            // The same compiled set as last time: every invalid policy and conflict in it has been reported already.
            PolicyLog.SnapshotUnchanged(logger, set.Entries.Count);
            return;
        }

        PolicyLog.SnapshotChanged(logger, set.Entries.Count + set.Skipped.Count, PolicySnapshotMetrics.InvalidCount(snapshot),
            options.Value.TableName, options.Value.PartitionKey);
        ReportInvalid(set.Entries.Select(e => e.Compilation).Where(c => !c.Succeeded).Concat(set.Skipped), versions);
        ReportConflicts(set.Conflicts);
    }

    private void ReportInvalid(IEnumerable<PolicyCompilation> invalidNow, IReadOnlyDictionary<string, ETag> versions)
    {
        var invalid = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (var compilation in invalidNow)
        {
            var etag = versions.GetValueOrDefault(compilation.Id);
            invalid[compilation.Id] = etag;
            if (!_reportedInvalid.TryGetValue(compilation.Id, out var reported) || reported != etag)
            {
                LogErrors(compilation);
            }
        }

        foreach (var repaired in _reportedInvalid.Keys.Where(id => !invalid.ContainsKey(id)))
        {
            PolicyLog.PolicyRepaired(logger, SafeLogValue.Bound(repaired));
        }

        _reportedInvalid = invalid;
    }

    private void ReportConflicts(IEnumerable<Core.Routing.RouteConflict> conflictsNow)
    {
        var conflicts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conflict in conflictsNow)
        {
            var losers = string.Join(", ", conflict.Losers);
            var key = $"{conflict.Route} {conflict.Winner} {losers}";
            if (conflicts.Add(key) && !_reportedConflicts.Contains(key))
            {
                // The route and ids come from stored rows (an invalid id still holds its routes): each one bounded.
                PolicyLog.RouteConflict(logger, SafeLogValue.Bound(conflict.Route), SafeLogValue.Bound(conflict.Winner),
                    string.Join(", ", conflict.Losers.Select(SafeLogValue.Bound)));
            }
        }

        _reportedConflicts = conflicts;
    }

    private void LogErrors(PolicyCompilation compilation)
    {
        // Ids, routes and values come from stored rows: every one goes through the one log sanitiser.
        var id = SafeLogValue.Bound(compilation.Id);
        var routes = SafeLogValue.Bound(string.Join(", ", compilation.Routes.Select(r => r.Text)));
        foreach (var error in compilation.Errors)
        {
            if (compilation.Routes.Count > 0)
            {
                PolicyLog.InvalidPolicy(logger, id, routes, error.Field, SafeLogValue.Bound(error.Value), error.Message);
            }
            else
            {
                PolicyLog.SkippedPolicy(logger, id, error.Field, SafeLogValue.Bound(error.Value), error.Message);
            }
        }
    }
}
