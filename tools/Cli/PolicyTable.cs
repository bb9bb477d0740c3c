using Azure;
using Azure.Core;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorsFunctions.Cli;

/// <summary>
/// One policy set in its table, through the library's own store, row mapper and write pipeline: the same reads, the
/// same validation, the same ETag-conditional writes and the same audit entries as the app's management API.
/// </summary>
internal sealed class PolicyTable
{
    private readonly TableClient _table;
    private readonly TableClient _auditTable;
    private readonly TablePolicyStore _store;
    private readonly PolicyAuditLog _audit;
    private readonly PolicyWritePipeline _pipeline;

    private readonly TokenCredential? _credential;

    /// <param name="service">The table service.</param>
    /// <param name="options">The table, audit table and policy set.</param>
    /// <param name="credential">The credential <paramref name="service"/> signs in with; null with a connection string.</param>
    public PolicyTable(TableServiceClient service, CorsPolicyOptions options, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _credential = credential;
        _table = service.GetTableClient(options.TableName);
        _auditTable = service.GetTableClient(options.AuditTableName);
        _store = new TablePolicyStore(_table, Microsoft.Extensions.Options.Options.Create(options));
        _audit = new PolicyAuditLog(_auditTable, options.PartitionKey, TimeProvider.System, NullLogger<PolicyAuditLog>.Instance);
        _pipeline = new PolicyWritePipeline(_store, _audit, TimeProvider.System, NullLogger<PolicyWritePipeline>.Instance);
    }

    /// <summary>The table and policy set this reaches.</summary>
    public CorsPolicyOptions Options { get; }

    /// <summary>Where the rows are, for messages: <c>table CorsPolicies, policy set default</c>.</summary>
    public string Name => $"table {Options.TableName}, policy set {Options.PartitionKey}";

    /// <summary>Every row of the set, readable or not.</summary>
    public Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken) => _store.ListAsync(cancellationToken);

    /// <summary>Every row of the set, or null when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<StoredPolicy>?> ListIfTableExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TableStoreException e) when (StoreErrors.IsTableMissing(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the table (a first push). Only called after listing found none, so an operator whose role covers
    /// only an existing table never needs the right to create one.
    /// </summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) =>
        TableCalls.RunAsync(_table.Name, () => _table.CreateIfNotExistsAsync(cancellationToken), cancellationToken);

    /// <summary>Every reason <paramref name="policy"/> cannot be stored: its read errors, then the write pipeline's validation.</summary>
    public static IReadOnlyList<PolicyError> Validate(StoredPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.ReadErrors, .. PolicyWritePipeline.Validate(policy.Definition)];
    }

    /// <summary>Writes a validated policy only if its row is still at <paramref name="expected"/> (null: only if there is no row), audited.</summary>
    public Task<PolicyWriteResult> SaveAsync(CorsPolicyDefinition definition, ETag? expected, PolicyWriter writer, CancellationToken cancellationToken,
        int? restoredVersion = null) =>
        _pipeline.SaveAsync(definition, new WriteCondition(expected, CreateOnly: expected is null), writer, cancellationToken, restoredVersion);

    /// <summary>Deletes a policy only if its row is still at <paramref name="expected"/>, audited.</summary>
    public Task<PolicyWriteResult> DeleteAsync(string id, ETag expected, PolicyWriter writer, CancellationToken cancellationToken) =>
        _pipeline.DeleteAsync(id, expected, writer, cancellationToken);

    /// <summary>Every recorded write of <paramref name="id"/>, verified, and its row now; an empty history when the audit table does not exist.</summary>
    public async Task<(PolicyAuditHistory History, StoredPolicy? Current)> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.HistoryAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (TableStoreException e) when (StoreErrors.IsTableMissing(e) && e.TableName == _auditTable.Name)
        {
            return (PolicyAuditChain.Verify(id, [], 0), await GetAsync(id, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Restores version <paramref name="version"/> of <paramref name="id"/>, conditional on the row the write reads just before it, audited.</summary>
    public Task<PolicyWriteResult> RollbackAsync(string id, int version, PolicyWriter writer, CancellationToken cancellationToken) =>
        _pipeline.RollbackAsync(id, version, WriteCondition.None, writer, cancellationToken);

    /// <summary>
    /// Gets ready to write: makes sure the audit table exists, so no write goes unrecorded (a 403 means a role scoped
    /// to existing tables: the audit table is then taken to exist, and a write whose entry fails is reported), and
    /// names who the audit log records (see <see cref="CliWriter"/>): the principal of the very credential the table
    /// calls use (its token is cached for them), or the operator of a connection string.
    /// </summary>
    public async Task<PolicyWriter> PrepareWriteAsync(CancellationToken cancellationToken)
    {
        await TableCalls.RunAsync(_auditTable.Name, async () =>
        {
            try
            {
                await _auditTable.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 403)
            {
                // Not allowed to create tables; writing entries may still be.
            }
        }, cancellationToken).ConfigureAwait(false);

        return _credential is null
            ? CliWriter.ForConnectionString()
            : await CliWriter.ForCredentialAsync(_credential, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current row of <paramref name="id"/>, or null.</summary>
    public Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken) => _store.GetAsync(id, cancellationToken);
}
