using Azure.Data.Tables;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// An audit table in memory: rows only ever added (409 on a taken key), read back through the real
/// <see cref="PolicyAuditRow"/> mapping. <see cref="Failure"/> makes every call throw (an unusable table);
/// <see cref="AppendFailure"/> makes only adds throw (a table that fails after the policy row was written).
/// </summary>
internal sealed class InMemoryAuditTable : IAuditTable
{
    private readonly SortedDictionary<(string Partition, string RowKey), TableEntity> _rows = [];

    public string Name => "CorsPolicyAudit";

    public Exception? Failure { get; set; }

    public Exception? AppendFailure { get; set; }

    /// <summary>Every readable entry, oldest first within a policy.</summary>
    public IReadOnlyList<PolicyAuditEntry> Entries =>
        [.. _rows.Values.Select(row => PolicyAuditRow.Read("default", (string)row["PolicyId"], row).Entry).OfType<PolicyAuditEntry>()];

    /// <summary>The raw rows, to tamper with as someone holding the storage key could.</summary>
    public IEnumerable<TableEntity> Rows => _rows.Values;

    /// <summary>Adds a row as is, bypassing the audit log (a foreign or forged row).</summary>
    public void Put(TableEntity entity) => _rows[(entity.PartitionKey, entity.RowKey)] = entity;

    /// <summary>Removes a row (someone deleting an entry).</summary>
    public void Remove(TableEntity entity) => _rows.Remove((entity.PartitionKey, entity.RowKey));

    public Task<TableEntity?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        ThrowIf(Failure);
        return Task.FromResult(_rows.GetValueOrDefault((partition, rowKey)));
    }

    public Task<IReadOnlyList<TableEntity>> QueryAsync(string partition, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        ThrowIf(Failure);
        return Task.FromResult<IReadOnlyList<TableEntity>>([.. _rows.Where(r => r.Key.Partition == partition).Select(r => r.Value)]);
    }

    public Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        ThrowIf(Failure ?? AppendFailure);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.TryAdd((entity.PartitionKey, entity.RowKey), entity));
    }

    private static void ThrowIf(Exception? failure)
    {
        if (failure is not null)
        {
            throw failure;
        }
    }
}
