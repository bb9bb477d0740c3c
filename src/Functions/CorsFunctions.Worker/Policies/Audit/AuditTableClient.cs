using Azure;
using Azure.Data.Tables;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The audit table in Table Storage; a store failure names this table (<see cref="TableCalls"/>).</summary>
internal sealed class AuditTableClient(TableClient table) : IAuditTable
{
    /// <inheritdoc />
    public string Name => table.Name;

    /// <inheritdoc />
    public Task<TableEntity?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken) => TableCalls.RunAsync(table.Name, async () =>
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TableEntity>> QueryAsync(string partition, IReadOnlyList<string>? select, CancellationToken cancellationToken) =>
        TableCalls.RunAsync<IReadOnlyList<TableEntity>>(table.Name, async () =>
            await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: select, cancellationToken: cancellationToken)
                .ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken) => TableCalls.RunAsync(table.Name, async () =>
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }, cancellationToken);
}
