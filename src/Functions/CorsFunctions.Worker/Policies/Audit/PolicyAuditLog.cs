using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// The append-only record of every policy write, in its own table (<see cref="CorsPolicyOptions.AuditTableName"/>,
/// rows as <see cref="PolicyAuditRow"/> maps them). The write pipeline assigns each entry its version before the
/// policy row is written (the row stores it, so versions follow write order); an append then chains the entry to the
/// version before it, waiting briefly when that version's own append is still under way, and never overwrites a row.
/// Its rows are read back as they are; <see cref="PolicyAuditChain"/> verifies them.
/// </summary>
internal sealed class PolicyAuditLog(IAuditTable table, string policySet, TimeProvider time, ILogger<PolicyAuditLog> logger, TimeSpan? predecessorWait = null)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan s_firstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>The audit log of <paramref name="policySet"/> in <paramref name="table"/>.</summary>
    public PolicyAuditLog(TableClient table, string policySet, TimeProvider time, ILogger<PolicyAuditLog> logger)
        : this(new AuditTableClient(table), policySet, time, logger)
    {
    }

    /// <summary>How long an append waits, by default, for the version before its own to appear before chaining past the gap.</summary>
    public static TimeSpan DefaultPredecessorWait { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an append waits for the version before its own to appear before chaining past the gap.</summary>
    public TimeSpan PredecessorWait { get; } = predecessorWait ?? DefaultPredecessorWait;

    /// <summary>The highest version recorded for <paramref name="policyId"/> (0 for none); rows whose key is no version are skipped and logged.</summary>
    public async Task<int> LastVersionAsync(string policyId, CancellationToken cancellationToken)
    {
        var (last, foreign) = (0, 0);
        foreach (var row in await table.QueryAsync(PolicyAuditRow.PartitionOf(policySet, policyId), ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            if (PolicyAuditRow.VersionOf(row.RowKey) is { } version)
            {
                last = Math.Max(last, version);
            }
            else
            {
                foreign++;
            }
        }

        if (foreign > 0)
        {
            PolicyLog.AuditForeignRows(logger, SafeLogValue.Bound(policyId), foreign, table.Name);
        }

        return last;
    }

    /// <summary>
    /// Appends <paramref name="entry"/> as its <see cref="PolicyAuditEntry.Version"/>, chained to the version before.
    /// When that version is taken (a create raced a delete's append), the entry goes in as the next free version and
    /// the collision is logged. Returns the entry as stored, with its hashes.
    /// </summary>
    public async Task<PolicyAuditEntry> AppendAsync(PolicyAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var version = entry.Version;
        for (var attempt = 1; ; attempt++)
        {
            var previousHash = version > 1 ? await PreviousHashAsync(entry.PolicyId, version - 1, cancellationToken).ConfigureAwait(false) : null;
            var (entity, stored) = PolicyAuditRow.ToEntity(policySet, entry with { Version = version, PreviousHash = previousHash });
            if (await table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false))
            {
                return stored;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"Audit version {version} of policy '{entry.PolicyId}' was taken {MaxAttempts} times in a row in table {table.Name}.");
            }

            var next = await LastVersionAsync(entry.PolicyId, cancellationToken).ConfigureAwait(false) + 1;
            PolicyLog.AuditVersionTaken(logger, entry.PolicyId, version, next);
            version = next;
        }
    }

    /// <summary>Every row of <paramref name="policyId"/>'s audit partition as read, unverified (<see cref="PolicyAuditChain.Verify"/>).</summary>
    public async Task<IReadOnlyList<AuditRow>> ReadRowsAsync(string policyId, CancellationToken cancellationToken)
    {
        if (!PolicyCompiler.IsValidId(policyId))
        {
            return [];
        }

        var rows = await table.QueryAsync(PolicyAuditRow.PartitionOf(policySet, policyId), null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(entity => PolicyAuditRow.Read(policySet, policyId, entity))];
    }

    /// <summary>
    /// The hash of <paramref name="version"/> as its row reads now, waiting up to <see cref="PredecessorWait"/> for the
    /// row to appear; null when it never does or cannot be read (the history then reports that version).
    /// </summary>
    private async Task<string?> PreviousHashAsync(string policyId, int version, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = (PolicyAuditRow.PartitionOf(policySet, policyId), PolicyAuditRow.RowKeyOf(version));
        var (poll, waited) = (s_firstPoll, TimeSpan.Zero);
        while (true)
        {
            if (await table.GetAsync(partition, rowKey, cancellationToken).ConfigureAwait(false) is { } entity)
            {
                var row = PolicyAuditRow.Read(policySet, policyId, entity);
                if (row.Entry is null || (row.Entry.Hash is { } hash && hash != row.ComputedHash))
                {
                    PolicyLog.AuditPreviousUnverified(logger, policyId, version, version + 1);
                }

                return row.ComputedHash;
            }

            if (waited >= PredecessorWait)
            {
                PolicyLog.AuditPreviousMissing(logger, policyId, version, version + 1, PredecessorWait.TotalSeconds);
                return null;
            }

            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            waited += poll;
            poll = poll * 2 < s_longestPoll ? poll * 2 : s_longestPoll;
        }
    }
}
