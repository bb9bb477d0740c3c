using Azure.Data.Tables;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The few table operations the audit log needs: reads and adds, never an update or a delete.</summary>
internal interface IAuditTable
{
    /// <summary>The table's name, for messages.</summary>
    string Name { get; }

    /// <summary>One row, or null when there is none.</summary>
    Task<TableEntity?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken);

    /// <summary>Every row of <paramref name="partition"/> (one policy's log: small), with only the <paramref name="select"/>ed properties when given.</summary>
    Task<IReadOnlyList<TableEntity>> QueryAsync(string partition, IReadOnlyList<string>? select, CancellationToken cancellationToken);

    /// <summary>Adds a row; false when a row with its keys exists already (409), so nothing is ever overwritten.</summary>
    Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken);
}
