using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Cli;

/// <summary>
/// One policy set in its table, through the library's own store and row mapper: the same reads, the same
/// ETag-conditional writes and the same validation as the app and its management API.
/// </summary>
internal sealed class PolicyTable
{
    private readonly TableClient _table;
    private readonly TablePolicyStore _store;

    public PolicyTable(TableServiceClient service, CorsPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _table = service.GetTableClient(options.TableName);
        _store = new TablePolicyStore(_table, Microsoft.Extensions.Options.Options.Create(options));
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
    /// Creates the table (a first push). Only called after listing found none, so an operator whose role covers
    /// only an existing table never needs the right to create one.
    /// </summary>
    public async Task CreateTableAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Every reason <paramref name="policy"/> cannot be stored: its read errors and Core's validation, then what a row cannot hold.</summary>
    public static IReadOnlyList<PolicyError> Validate(StoredPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.Compile().Errors, .. PolicyEntityMapper.CheckStorable(policy.Definition)];
    }

    /// <summary>Writes a validated policy only if its row is still at <paramref name="expected"/> (null: only if there is no row).</summary>
    public async Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, ETag? expected, CancellationToken cancellationToken) =>
        await _store.SaveAsync(definition, new WriteCondition(expected, CreateOnly: expected is null), cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a policy only if its row is still at <paramref name="expected"/>.</summary>
    public async Task<WriteResult> DeleteAsync(string id, ETag expected, CancellationToken cancellationToken) =>
        await _store.DeleteAsync(id, expected, cancellationToken).ConfigureAwait(false);
}
