using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// The audit log in its own table (<see cref="CorsPolicyOptions.AuditTableName"/>): PartitionKey =
/// <c>{policy set}~{policy id}</c> (an id never holds <c>~</c>), RowKey = the version, zero-padded so rows sort in
/// write order. Rows are only ever added, never updated: a version number taken twice fails with 409 and the
/// next one is tried. Definitions are stored as JSON, split over properties of at most 32K characters.
/// </summary>
internal sealed class TablePolicyAuditLog(TableClient table, string policySet) : IPolicyAuditLog
{
    private const int ChunkLength = 32 * 1024;
    private const int MaxAttempts = 5;

    /// <inheritdoc />
    public async Task<PolicyAuditEntry> AppendAsync(PolicyAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var partition = PartitionOf(entry.PolicyId);
        for (var attempt = 1; ; attempt++)
        {
            var version = await LastVersionAsync(partition, cancellationToken).ConfigureAwait(false) + 1;
            var stored = entry with { Version = version };
            try
            {
                await table.AddEntityAsync(ToEntity(partition, stored), cancellationToken).ConfigureAwait(false);
                return stored;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < MaxAttempts)
            {
                // Another write took this version number first: take the next one.
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PolicyAuditEntry>> ListAsync(string policyId, CancellationToken cancellationToken)
    {
        if (!PolicyCompiler.IsValidId(policyId))
        {
            return [];
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(policyId)}");
        var entries = new List<PolicyAuditEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(policyId, entity));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<PolicyAuditEntry?> GetAsync(string policyId, int version, CancellationToken cancellationToken)
    {
        if (!PolicyCompiler.IsValidId(policyId) || version < 1)
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(policyId), RowKeyOf(version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(policyId, response.Value!) : null;
    }

    private string PartitionOf(string policyId) => $"{policySet}~{policyId}";

    private static string RowKeyOf(int version) => version.ToString("D10", CultureInfo.InvariantCulture);

    private async Task<int> LastVersionAsync(string partition, CancellationToken cancellationToken)
    {
        var last = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            last = Math.Max(last, int.Parse(entity.RowKey, CultureInfo.InvariantCulture));
        }

        return last;
    }

    private static TableEntity ToEntity(string partition, PolicyAuditEntry entry)
    {
        var entity = new TableEntity(partition, RowKeyOf(entry.Version))
        {
            ["PolicyId"] = entry.PolicyId,
            ["Version"] = entry.Version,
            ["Action"] = entry.Action.ToString(),
            ["At"] = entry.At,
            ["WriterKind"] = entry.Writer.Kind,
            ["WriterName"] = entry.Writer.Name,
            ["WriterId"] = entry.Writer.Id,
            ["Source"] = entry.Writer.Source,
            ["BeforeETag"] = entry.BeforeETag,
            ["AfterETag"] = entry.AfterETag,
            ["RestoredVersion"] = entry.RestoredVersion,
        };
        WriteChunks(entity, "Before", entry.Before);
        WriteChunks(entity, "After", entry.After);
        return entity;
    }

    private static PolicyAuditEntry FromEntity(string policyId, TableEntity entity) => new(
        policyId,
        entity.GetInt32("Version") ?? 0,
        Enum.TryParse<PolicyAuditAction>(entity.GetString("Action"), out var action) ? action : PolicyAuditAction.Put,
        entity.GetDateTimeOffset("At") ?? default,
        new PolicyWriter(entity.GetString("WriterKind") ?? PolicyWriterKinds.Unidentified, entity.GetString("WriterName") ?? "", entity.GetString("WriterId"),
            entity.GetString("Source") ?? PolicyWriter.ApiSource),
        ReadChunks(entity, "Before"),
        ReadChunks(entity, "After"),
        entity.GetString("BeforeETag"),
        entity.GetString("AfterETag"),
        entity.GetInt32("RestoredVersion"));

    private static void WriteChunks(TableEntity entity, string name, CorsPolicyDefinition? definition)
    {
        if (definition is null)
        {
            return;
        }

        var json = JsonSerializer.Serialize(definition, PolicyAuditJson.Options);
        for (int offset = 0, index = 0; offset < json.Length; offset += ChunkLength, index++)
        {
            entity[index == 0 ? name : $"{name}_{index}"] = json.Substring(offset, Math.Min(ChunkLength, json.Length - offset));
        }
    }

    private static CorsPolicyDefinition? ReadChunks(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        var json = new StringBuilder(first);
        for (var index = 1; entity.GetString($"{name}_{index}") is { } next; index++)
        {
            json.Append(next);
        }

        return JsonSerializer.Deserialize<CorsPolicyDefinition>(json.ToString(), PolicyAuditJson.Options);
    }
}
