using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The policy set in Azure Table Storage: PartitionKey = policy set, RowKey = policy id. Individual calls are
/// retried by the Azure SDK pipeline; writes use the row ETag so a concurrent update is never lost. A store failure
/// leaves as a <see cref="TableStoreException"/> naming this table. The partition also holds the change marker row
/// (<see cref="ChangeMarkerRowKey"/>), which no policy id can spell and which no read of policies returns.
/// </summary>
internal sealed class TablePolicyStore(TableClient table, IOptions<CorsPolicyOptions> options) : IPolicyStore
{
    /// <summary>The RowKey of the change marker: '~' is not allowed in a policy id, and it sorts after every id.</summary>
    public const string ChangeMarkerRowKey = "~changed";

    /// <summary>The one property of the marker row, telling whoever opens the table what the row is for.</summary>
    public const string ChangeMarkerNoteProperty = "Note";

    /// <summary>The marker's <see cref="PolicyChangeLog.Version"/> (Int64).</summary>
    public const string ChangeMarkerVersionProperty = "Version";

    /// <summary>The marker's list of recent writes (<see cref="PolicyChangeLog.FormatChanges"/>).</summary>
    public const string ChangeMarkerChangesProperty = "Changes";

    // Writers that find the marker moved under them read it again; this many tries cover far more concurrent writers than an app has.
    private const int MarkerAttempts = 8;

    private const string ChangeMarkerNote = "Not a CORS policy: every policy write through the management API or the CLI touches this row so that apps reload the policy set.";

    private readonly string _policySet = options.Value.PartitionKey;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken) => TableCalls.RunAsync<IReadOnlyList<StoredPolicy>>(table.Name, async () =>
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_policySet} and RowKey ne {ChangeMarkerRowKey}");
        var policies = new List<StoredPolicy>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            policies.Add(PolicyEntityMapper.Read(entity));
        }

        return policies;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken) => TableCalls.RunAsync(table.Name, async () =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } entity ? PolicyEntityMapper.Read(entity) : null, cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, int auditVersion, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return TableCalls.RunAsync(table.Name, async () =>
        {
            var existing = await FindAsync(definition.Id, cancellationToken).ConfigureAwait(false);
            if (!condition.HoldsFor(existing?.ETag))
            {
                return new WriteResult(WriteOutcome.PreconditionFailed);
            }

            var entity = PolicyEntityMapper.ToEntity(_policySet, definition, existing, auditVersion);
            try
            {
                // Conditional on what was read: a row created or changed meanwhile fails with 409/412 instead of being overwritten.
                var response = existing is null
                    ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                    : await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new WriteResult(WriteOutcome.Done, response.Headers.ETag ?? default);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return new WriteResult(WriteOutcome.PreconditionFailed);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> DeleteAsync(string id, ETag? ifMatch, CancellationToken cancellationToken) => TableCalls.RunAsync(table.Name, async () =>
    {
        if (!PolicyCompiler.IsValidId(id))
        {
            return new WriteResult(WriteOutcome.NotFound);
        }

        try
        {
            // The SDK reports a missing row as a 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(_policySet, id, ifMatch ?? ETag.All, cancellationToken).ConfigureAwait(false);
            return response.Status != 404 ? new WriteResult(WriteOutcome.Done)
                : new WriteResult(ifMatch is null ? WriteOutcome.NotFound : WriteOutcome.PreconditionFailed);
        }
        catch (RequestFailedException e) when (e.Status is 412)
        {
            return new WriteResult(WriteOutcome.PreconditionFailed);
        }
    }, cancellationToken);

    /// <inheritdoc />
    public Task<ChangeMarker?> ReadChangeMarkerAsync(CancellationToken cancellationToken) => TableCalls.RunAsync(table.Name, async () =>
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(_policySet, ChangeMarkerRowKey,
            [ChangeMarkerVersionProperty, ChangeMarkerChangesProperty], cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new ChangeMarker(response.Value!.ETag, ReadLog(response.Value)) : null;
    }, cancellationToken);

    /// <inheritdoc />
    public Task MarkChangedAsync(string policyId, CancellationToken cancellationToken) => TableCalls.RunAsync(table.Name, async () =>
    {
        for (var attempt = 0; attempt < MarkerAttempts; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(_policySet, ChangeMarkerRowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var existing = response.HasValue ? response.Value : null;
            var log = (existing is null ? null : ReadLog(existing)) ?? PolicyChangeLog.StartEpoch();
            var marker = Marker(log.Append(policyId));
            try
            {
                // Conditional on what was read: a concurrent writer's entry is never overwritten, this one reads again and retries.
                _ = existing is null
                    ? await table.AddEntityAsync(marker, cancellationToken).ConfigureAwait(false)
                    : await table.UpdateEntityAsync(marker, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }
        }

        // Still contended: a marker without a log still moves, and every reader then reads the whole set.
        await table.UpsertEntityAsync(Marker(log: null), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    private static PolicyChangeLog? ReadLog(TableEntity marker) => PolicyChangeLog.Parse(
        marker.TryGetValue(ChangeMarkerVersionProperty, out var version) && version is long number ? number : null,
        marker.TryGetValue(ChangeMarkerChangesProperty, out var changes) ? changes as string : null);

    private TableEntity Marker(PolicyChangeLog? log)
    {
        var marker = new TableEntity(_policySet, ChangeMarkerRowKey) { [ChangeMarkerNoteProperty] = ChangeMarkerNote };
        if (log is not null)
        {
            marker[ChangeMarkerVersionProperty] = log.Version;
            marker[ChangeMarkerChangesProperty] = log.FormatChanges();
        }

        return marker;
    }

    private async Task<TableEntity?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!PolicyCompiler.IsValidId(id))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<TableEntity>(_policySet, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
