using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// An <see cref="IPolicyStore"/> in memory with the table's semantics: rows are kept as the real
/// <see cref="PolicyEntityMapper"/> writes them and read back through it (so a definition that does not survive its
/// row does not survive here either), every write bumps the ETag, a condition that does not hold writes nothing.
/// <see cref="Failure"/> makes every call throw, as a failing storage account would; <see cref="BeforeWrite"/> runs
/// between the pipeline's read and its write (a concurrent writer). <see cref="Seed"/> and <see cref="RemoveRow"/> edit rows
/// out of band (as Storage Explorer would: the change marker does not move); the pipeline's writes move it.
/// </summary>
internal sealed class InMemoryPolicyStore : IPolicyStore
{
    private const string PolicySet = "default";

    private readonly Dictionary<string, TableEntity> _rows = new(StringComparer.Ordinal);
    private int _version;
    private ChangeMarker? _marker;

    public Exception? Failure { get; set; }

    public Action? BeforeWrite { get; set; }

    public int Writes { get; private set; }

    /// <summary>Full reads of the set so far.</summary>
    public int Lists { get; private set; }

    /// <summary>Point reads of one row so far.</summary>
    public int Gets { get; private set; }

    /// <summary>Times the change marker was touched.</summary>
    public int MarkerWrites { get; private set; }

    /// <summary>Makes full reads of the set throw, and nothing else (the marker still reads).</summary>
    public Exception? FailListsOnly { get; set; }

    /// <summary>Makes point reads throw once this many have been answered, and nothing else.</summary>
    public int? FailGetsAfter { get; set; }

    /// <summary>Makes touching the change marker throw, and nothing else.</summary>
    public Exception? MarkerFailure { get; set; }

    /// <summary>Every row as the mapper reads it.</summary>
    public IReadOnlyDictionary<string, StoredPolicy> Rows => _rows.ToDictionary(row => row.Key, row => PolicyEntityMapper.Read(row.Value), StringComparer.Ordinal);

    /// <summary>The raw row of <paramref name="id"/>, as Table Storage would hold it.</summary>
    public TableEntity Row(string id) => _rows[id];

    public StoredPolicy Seed(CorsPolicyDefinition definition, int auditVersion = 0)
    {
        var entity = PolicyEntityMapper.ToEntity(PolicySet, definition, _rows.GetValueOrDefault(definition.Id), auditVersion);
        entity.ETag = new ETag($"W/\"{++_version}\"");
        _rows[definition.Id] = entity;
        return PolicyEntityMapper.Read(entity);
    }

    /// <summary>Deletes a row out of band.</summary>
    public void RemoveRow(string id) => _rows.Remove(id);

    public Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (FailListsOnly is not null)
        {
            throw FailListsOnly;
        }

        Lists++;
        return Task.FromResult<IReadOnlyList<StoredPolicy>>([.. _rows.Values.Select(PolicyEntityMapper.Read)]);
    }

    public Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (Gets >= FailGetsAfter)
        {
            throw new RequestFailedException(503, "busy");
        }

        Gets++;
        return Task.FromResult(_rows.TryGetValue(id, out var row) ? PolicyEntityMapper.Read(row) : null);
    }

    public Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, int auditVersion, WriteCondition condition, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        BeforeWrite?.Invoke();
        if (!condition.HoldsFor(_rows.GetValueOrDefault(definition.Id)?.ETag))
        {
            return Task.FromResult(new WriteResult(WriteOutcome.PreconditionFailed));
        }

        Writes++;
        var stored = Seed(definition, auditVersion);
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

    public Task<ChangeMarker?> ReadChangeMarkerAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Task.FromResult(_marker);
    }

    /// <summary>Moves the marker as a writer of an older version would: a new ETag and no log.</summary>
    public void MoveMarkerWithoutLog() => _marker = new ChangeMarker(new ETag($"W/\"marker-{++_version}\""), null);

    public Task MarkChangedAsync(string policyId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (MarkerFailure is not null)
        {
            throw MarkerFailure;
        }

        MarkerWrites++;
        var log = (_marker?.Log ?? PolicyChangeLog.StartEpoch()).Append(policyId);
        _marker = new ChangeMarker(new ETag($"W/\"marker-{++_version}\""), log);
        return Task.CompletedTask;
    }

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
