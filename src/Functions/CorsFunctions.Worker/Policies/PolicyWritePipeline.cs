using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The one way a policy is written, by the management API and the CLI alike: validate (Core's rules, what a row
/// can hold, and that the row reads back as the very definition validated), check the caller's condition against
/// the row read just before, take the next audit version, write the row (storing that version) conditionally on
/// the ETag read, then record the change in the chained audit log and as a log event. Store exceptions before the
/// row is written propagate (<see cref="StoreFailures"/> sorts them) and nothing is written; once it is written, the
/// record is made whatever the caller's cancellation, and a failure there is logged with the whole entry. Last, the set's
/// change marker is touched, so every instance reads the set at its next refresh.
/// </summary>
internal sealed class PolicyWritePipeline(IPolicyStore store, PolicyAuditLog audit, TimeProvider time, ILogger<PolicyWritePipeline> logger)
{
    // Who a static validation assumes is writing: a name longer than any real writer's, so the size estimate is an upper bound.
    private static readonly PolicyWriter s_longestWriter = new(new string('w', 64), new string('w', 256), new string('w', 64), new string('w', 16),
        new string('w', 64), new string('w', 64));

    /// <summary>How long the audit append and the logs after a written row may take, whatever the caller's cancellation.</summary>
    public static TimeSpan PostCommitTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every reason <paramref name="definition"/> cannot be stored, without a table: its content (<see cref="ContentErrors"/>),
    /// then an entity too large, counting the audit entry as if the policy replaced itself. A write or a dry run
    /// counts the sizes with what the policy really replaces instead.
    /// </summary>
    public static IReadOnlyList<PolicyError> Validate(CorsPolicyDefinition definition) =>
        [.. ContentErrors(definition), .. PolicyRowLimits.CheckEntitySizes(definition, definition, s_longestWriter)];

    /// <summary>Creates or replaces a policy when it is valid and <paramref name="condition"/> holds.</summary>
    public async Task<PolicyWriteResult> SaveAsync(CorsPolicyDefinition definition, WriteCondition condition, PolicyWriter writer,
        CancellationToken cancellationToken, int? restoredVersion = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(writer);
        var errors = ContentErrors(definition);
        if (errors.Count > 0)
        {
            return Refused(definition.Id, errors);
        }

        var before = await store.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false);
        if (!condition.HoldsFor(before?.ETag))
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var sizes = PolicyRowLimits.CheckEntitySizes(definition, before?.Definition, writer);
        if (sizes.Count > 0)
        {
            return Refused(definition.Id, sizes);
        }

        var version = await NextVersionAsync(definition.Id, before, cancellationToken).ConfigureAwait(false);
        var exact = before is null ? new WriteCondition(null, CreateOnly: true) : new WriteCondition(before.ETag, CreateOnly: false);
        var written = await store.SaveAsync(definition, version, exact, cancellationToken).ConfigureAwait(false);
        if (written.Outcome != WriteOutcome.Done)
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var action = restoredVersion is null ? PolicyAuditAction.Put : PolicyAuditAction.Rollback;
        var entry = new PolicyAuditEntry(definition.Id, version, action, Now(), writer, before?.Definition, definition,
            before?.ETag.ToString(), written.ETag.ToString(), restoredVersion);
        return new PolicyWriteResult(PolicyWriteStatus.Written, [], written.ETag, await RecordAsync(entry).ConfigureAwait(false), definition);
    }

    /// <summary>Deletes a policy, only if its ETag is still <paramref name="ifMatch"/> when one is given.</summary>
    public async Task<PolicyWriteResult> DeleteAsync(string id, ETag? ifMatch, PolicyWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var before = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return PolicyWriteResult.NotWritten(ifMatch is null ? PolicyWriteStatus.NotFound : PolicyWriteStatus.PreconditionFailed);
        }

        if (!new WriteCondition(ifMatch, CreateOnly: false).HoldsFor(before.ETag))
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var version = await NextVersionAsync(id, before, cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(id, before.ETag, cancellationToken).ConfigureAwait(false);
        if (deleted.Outcome != WriteOutcome.Done)
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var entry = new PolicyAuditEntry(id, version, PolicyAuditAction.Delete, Now(), writer, before.Definition, null, before.ETag.ToString(), null);
        return new PolicyWriteResult(PolicyWriteStatus.Written, [], default, await RecordAsync(entry).ConfigureAwait(false));
    }

    /// <summary>
    /// Writes again the definition version <paramref name="version"/> left behind, as a normal write (validated against
    /// today's rules, conditional, audited as a rollback), only when the audit chain verifies through that version.
    /// </summary>
    public async Task<PolicyWriteResult> RollbackAsync(string id, int version, WriteCondition condition, PolicyWriter writer, CancellationToken cancellationToken)
    {
        var (history, _) = await HistoryAsync(id, cancellationToken).ConfigureAwait(false);
        var entry = history.Entries.FirstOrDefault(e => e.Version == version);
        if (entry is null && !history.Problems.Any(p => p.Version == version))
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.VersionNotFound);
        }

        if (entry is null || !history.VerifiesThrough(version))
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.ChainBroken) with { Break = history.Problems.First(p => p.Version <= version + 1) };
        }

        return entry.After is null
            ? PolicyWriteResult.NotWritten(PolicyWriteStatus.VersionNotRestorable)
            : await SaveAsync(entry.After with { Id = id }, condition, writer, cancellationToken, restoredVersion: version).ConfigureAwait(false);
    }

    /// <summary>
    /// The verified audit log of <paramref name="id"/>, and its row as it is now (null when there is none). The log is
    /// read first: it is what a history is about, so its table is the one a failure names.
    /// </summary>
    public async Task<(PolicyAuditHistory History, StoredPolicy? Current)> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await audit.ReadRowsAsync(id, cancellationToken).ConfigureAwait(false);
        var current = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var history = PolicyAuditChain.Verify(id, rows, current?.AuditVersion ?? 0);
        return (history with
        {
            RowChangedSinceLastEntry = history.Entries.Count > 0 && history.Entries[^1].AfterETag != current?.ETag.ToString(),
        }, current);
    }

    /// <summary>A dry run of saving <paramref name="definition"/>: every error and the routes that would change owner; writes nothing.</summary>
    public async Task<PolicyWritePlan> PlanAsync(CorsPolicyDefinition definition, PolicyWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(writer);
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var existing = stored.FirstOrDefault(p => string.Equals(p.Definition.Id, definition.Id, StringComparison.Ordinal));
        var changes = RouteOwnerChange.Between(stored.Select(p => p.Compile()), definition.Id, definition);
        var errors = ContentErrors(definition);
        return new PolicyWritePlan(errors.Count > 0 ? errors : PolicyRowLimits.CheckEntitySizes(definition, existing?.Definition, writer),
            existing is not null, existing?.ETag.ToString(), changes);
    }

    /// <summary>
    /// What the definition itself breaks: Core's validation, what a table row cannot hold, and a row that would read
    /// back differently. The round trip is checked once the rest holds, so one mistake is reported once.
    /// </summary>
    private static IReadOnlyList<PolicyError> ContentErrors(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        IReadOnlyList<PolicyError> errors = [.. PolicyCompiler.Compile(definition).Errors, .. PolicyRowLimits.Check(definition)];
        return errors.Count > 0 ? errors : PolicyRoundTrip.Check(definition);
    }

    /// <summary>
    /// The version the next write of a policy is recorded as: one past both the version its row was last written as
    /// and the last one recorded. Writes to one row are serialized by its ETag, so each writer sees its predecessor's
    /// version in the row even while that predecessor's audit append is still under way. Read before anything is
    /// written: an audit table that cannot even be read refuses the write rather than let it go unrecorded.
    /// </summary>
    private async Task<int> NextVersionAsync(string id, StoredPolicy? before, CancellationToken cancellationToken) =>
        Math.Max(before?.AuditVersion ?? 0, await audit.LastVersionAsync(id, cancellationToken).ConfigureAwait(false)) + 1;

    /// <summary>
    /// Appends the audit entry after the write. The row is written by then, so neither the caller's cancellation (a
    /// client that went away, a shutdown, Ctrl+C) nor a failure may lose the record: the append runs on its own
    /// timeout, and anything it throws is logged as an error carrying the whole entry (the log then holds the record).
    /// </summary>
    private async Task<PolicyAuditEntry?> RecordAsync(PolicyAuditEntry entry)
    {
        PolicyAuditEntry? recorded = null;
        using (var timeout = new CancellationTokenSource(PostCommitTimeout, time))
        {
            try
            {
                recorded = await audit.AppendAsync(entry, timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Catching everything is the point: after the write, no failure may escape without the record.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                PolicyLog.AuditFailed(logger, exception, SafeLogValue.Bound(entry.PolicyId), entry.Action.ToString(), entry.Version, PolicyAuditJson.Serialize(entry));
            }
        }

        var writer = entry.Writer;
        PolicyLog.PolicyChanged(logger, SafeLogValue.Bound(entry.PolicyId), entry.Action.ToString(), recorded?.Version ?? entry.Version, recorded?.Hash ?? SafeLogValue.Absent,
            writer.Kind, SafeLogValue.Bound(writer.Name), SafeLogValue.Bound(writer.Id), SafeLogValue.Bound(writer.AuthenticationType),
            SafeLogValue.Bound(writer.TenantId), writer.Source, entry.BeforeETag ?? SafeLogValue.Absent, entry.AfterETag ?? SafeLogValue.Absent);
        await MarkChangedAsync(entry).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>
    /// Touches the change marker once the row is written and recorded, on its own timeout like the append. A failure only
    /// delays other instances to their next full read (<see cref="Worker.CorsPolicyOptions.FullReloadMinutes"/>): it is
    /// logged, and the write stands.
    /// </summary>
    private async Task MarkChangedAsync(PolicyAuditEntry entry)
    {
        using var timeout = new CancellationTokenSource(PostCommitTimeout, time);
        try
        {
            await store.MarkChangedAsync(entry.PolicyId, timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The row is written: no failure of the marker may turn the write into an error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PolicyLog.ChangeMarkerFailed(logger, exception, SafeLogValue.Bound(entry.PolicyId), entry.Action.ToString());
        }
    }

    private PolicyWriteResult Refused(string id, IReadOnlyList<PolicyError> errors)
    {
        PolicyLog.PolicyRefused(logger, SafeLogValue.Bound(id), errors.Count);
        return new PolicyWriteResult(PolicyWriteStatus.Invalid, errors);
    }

    /// <summary>Now, to the millisecond: what every store keeps exactly, so the hashed time reads back the same.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
