using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorsFunctions.Cli;

/// <summary>
/// One policy set in its table, through the library's own store and row mapper: the same reads, and writes through
/// the same <see cref="PolicyWritePipeline"/> as the management API (validated, ETag-conditional, audited with
/// source <c>cli</c> and the operator's user name, a storage-credential writer the API never verified).
/// </summary>
internal sealed class PolicyTable
{
    private readonly TableClient _table;
    private readonly TableClient _auditTable;
    private readonly TablePolicyStore _store;
    private readonly PolicyWritePipeline _pipeline;
    private readonly PolicyWriter _writer = new(PolicyWriterKinds.StorageCredential, Environment.UserName, null, PolicyWriter.CliSource);

    public PolicyTable(TableServiceClient service, CorsPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _table = service.GetTableClient(options.TableName);
        _auditTable = service.GetTableClient(options.AuditTableName);
        _store = new TablePolicyStore(_table, Microsoft.Extensions.Options.Options.Create(options));
        _pipeline = new PolicyWritePipeline(_store, new TablePolicyAuditLog(_auditTable, options.PartitionKey), TimeProvider.System,
            NullLogger<PolicyWritePipeline>.Instance);
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
        catch (RequestFailedException e) when (StoreErrors.IsTableMissing(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the table and its audit table (a first push). Only called after listing found none, so an operator whose
    /// role covers only existing tables never needs the right to create one.
    /// </summary>
    public async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _auditTable.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every reason <paramref name="policy"/> cannot be stored: its read errors and Core's validation, then what a row cannot hold.</summary>
    public static IReadOnlyList<PolicyError> Validate(StoredPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.Compile().Errors, .. PolicyEntityMapper.CheckStorable(policy.Definition)];
    }

    /// <summary>Writes a validated policy only if its row is still at <paramref name="expected"/> (null: only if there is no row).</summary>
    public Task<PolicyWriteResult> SaveAsync(CorsPolicyDefinition definition, ETag? expected, CancellationToken cancellationToken) =>
        _pipeline.SaveAsync(definition, new WriteCondition(expected, CreateOnly: expected is null), _writer, cancellationToken);

    /// <summary>Deletes a policy only if its row is still at <paramref name="expected"/>.</summary>
    public Task<PolicyWriteResult> DeleteAsync(string id, ETag expected, CancellationToken cancellationToken) =>
        _pipeline.DeleteAsync(id, expected, _writer, cancellationToken);
}
