using Azure;
using Azure.Data.Tables;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The audit table in Table Storage.</summary>
internal sealed class AuditTableClient(TableClient table) : IAuditTable
{
    /// <inheritdoc />
    public string Name => table.Name;

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TableEntity> QueryAsync(string partition, IReadOnlyList<string>? select, CancellationToken cancellationToken) =>
        table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: select, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken)
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
    }
}
