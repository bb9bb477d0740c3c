using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// An <see cref="IPolicyStore"/> in memory with the table's semantics: every write bumps the ETag, a condition that
/// does not hold writes nothing. <see cref="Failure"/> makes every call throw, as a failing storage account would;
/// <see cref="BeforeWrite"/> runs between the pipeline's read and its write (a concurrent writer).
/// </summary>
internal sealed class InMemoryPolicyStore : IPolicyStore
{
    private readonly Dictionary<string, StoredPolicy> _rows = new(StringComparer.Ordinal);
    private int _version;

    public Exception? Failure { get; set; }

    public Action? BeforeWrite { get; set; }

    public int Writes { get; private set; }

    public IReadOnlyDictionary<string, StoredPolicy> Rows => _rows;

    public StoredPolicy Seed(CorsPolicyDefinition definition)
    {
        var stored = new StoredPolicy(definition, [], NextETag());
        _rows[definition.Id] = stored;
        return stored;
    }

    public Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Task.FromResult<IReadOnlyList<StoredPolicy>>([.. _rows.Values]);
    }

    public Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Task.FromResult(_rows.GetValueOrDefault(id));
    }

    public Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, WriteCondition condition, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        BeforeWrite?.Invoke();
        if (!condition.HoldsFor(_rows.GetValueOrDefault(definition.Id)?.ETag))
        {
            return Task.FromResult(new WriteResult(WriteOutcome.PreconditionFailed));
        }

        Writes++;
        var stored = Seed(definition);
        return Task.FromResult(new WriteResult(WriteOutcome.Done, stored.ETag));
    }

    public Task<WriteResult> DeleteAsync(string id, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        BeforeWrite?.Invoke();
        if (!_rows.TryGetValue(id, out var existing))
        {
            return Task.FromResult(new WriteResult(ifMatch is null ? WriteOutcome.NotFound : WriteOutcome.PreconditionFailed));
        }

        if (ifMatch is { } etag && etag != ETag.All && etag != existing.ETag)
        {
            return Task.FromResult(new WriteResult(WriteOutcome.PreconditionFailed));
        }

        Writes++;
        _rows.Remove(id);
        return Task.FromResult(new WriteResult(WriteOutcome.Done));
    }

    private ETag NextETag() => new($"W/\"{++_version}\"");

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
