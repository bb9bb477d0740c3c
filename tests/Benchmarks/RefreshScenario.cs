using System.Diagnostics.Metrics;
using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Benchmarks;

/// <summary>
/// The background refresh over an in-memory page source: simple policies (one route, one origin, two methods, two
/// headers) stored as the real mapper writes table rows and read back through it on every full read, as the table store does.
/// </summary>
internal static class RefreshScenario
{
    public const string PolicySet = "default";

    private static readonly IMeterFactory s_meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>The simple policy number <paramref name="i"/>: its own tenant route.</summary>
    public static CorsPolicyDefinition SimplePolicy(int i, int maxAge = 600) => new()
    {
        Id = $"tenant-{i:D5}",
        Routes = [$"/api/tenants/t{i}/items"],
        AllowedOrigins = [$"https://t{i}.example.com"],
        AllowedMethods = ["PUT", "DELETE"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
        MaxAgeSeconds = maxAge,
    };

    /// <summary>A loader wired as the app wires it, on <paramref name="store"/>, logging nowhere.</summary>
    public static PolicySnapshotLoader Loader(IPolicyStore store, TimeProvider time, out CurrentPolicySnapshot snapshot)
    {
        var options = Options.Create(new CorsPolicyOptions { PartitionKey = PolicySet });
        snapshot = new CurrentPolicySnapshot();
        return new PolicySnapshotLoader(store, snapshot, new PolicySnapshotReporter(options, NullLogger<PolicySnapshotReporter>.Instance),
            new PolicySnapshotMetrics(s_meters, snapshot, time), new PolicyReloadSchedule(options), time, NullLogger<PolicySnapshotLoader>.Instance);
    }

    /// <summary>A clock that stands still, so no full reload falls due in the middle of a measurement.</summary>
    public sealed class FrozenTime : TimeProvider
    {
        private readonly DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>
    /// Rows in memory, each read back through <see cref="PolicyEntityMapper"/> on every read. <see cref="Replace"/>
    /// changes a row as the write pipeline does: a new ETag and a change marker whose log lists it.
    /// </summary>
    public sealed class InMemoryPageSource : IPolicyStore
    {
        private readonly List<TableEntity> _rows;
        private readonly Dictionary<string, int> _index;
        private int _version;
        private ChangeMarker? _marker;

        public InMemoryPageSource(int count)
        {
            _rows = [.. Enumerable.Range(0, count).Select(i => Entity(SimplePolicy(i)))];
            _index = _rows.Select((row, i) => (row.RowKey, i)).ToDictionary(r => r.RowKey, r => r.i, StringComparer.Ordinal);
            _marker = new ChangeMarker(new ETag("W/\"marker-0\""), PolicyChangeLog.StartEpoch());
        }

        public void Replace(int index, CorsPolicyDefinition definition)
        {
            _rows[index] = Entity(definition);
            Mark(definition.Id);
        }

        /// <summary>Moves the marker without a log, as an older writer would: the next refresh reads every row.</summary>
        public void MoveMarkerWithoutLog() => _marker = new ChangeMarker(new ETag($"W/\"marker-{++_version}\""), null);

        public Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredPolicy>>([.. _rows.Select(PolicyEntityMapper.Read)]);

        public Task<ChangeMarker?> ReadChangeMarkerAsync(CancellationToken cancellationToken) => Task.FromResult(_marker);

        public Task MarkChangedAsync(string policyId, CancellationToken cancellationToken)
        {
            Mark(policyId);
            return Task.CompletedTask;
        }

        public Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken) =>
            Task.FromResult(_index.TryGetValue(id, out var i) ? PolicyEntityMapper.Read(_rows[i]) : null);

        public Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, int auditVersion, WriteCondition condition, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<WriteResult> DeleteAsync(string id, ETag? ifMatch, CancellationToken cancellationToken) => throw new NotSupportedException();

        private void Mark(string id) =>
            _marker = new ChangeMarker(new ETag($"W/\"marker-{++_version}\""), (_marker?.Log ?? PolicyChangeLog.StartEpoch()).Append(id));

        private TableEntity Entity(CorsPolicyDefinition definition)
        {
            var entity = PolicyEntityMapper.ToEntity(PolicySet, definition, null, 0);
            entity.ETag = new ETag($"W/\"{++_version}\"");
            return entity;
        }
    }
}
