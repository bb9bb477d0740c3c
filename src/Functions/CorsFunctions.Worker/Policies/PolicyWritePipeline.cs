using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The one way a policy is written, by the management API and the CLI alike: validate with Core (every error,
/// nothing invalid is stored), check the caller's condition against the row read just before, write conditionally
/// on that row's ETag (so the audited "before" is exactly what was replaced), then record the change in the
/// audit log and as a structured log event. Store exceptions propagate; <see cref="StoreFailures"/> sorts them.
/// </summary>
internal sealed class PolicyWritePipeline(IPolicyStore store, IPolicyAuditLog audit, TimeProvider time, ILogger<PolicyWritePipeline> logger)
{
    /// <summary>Every reason <paramref name="definition"/> cannot be stored: Core's validation, then what a table row cannot hold.</summary>
    public static IReadOnlyList<PolicyError> Validate(CorsPolicyDefinition definition) =>
        [.. PolicyCompiler.Compile(definition).Errors, .. PolicyRowLimits.Check(definition)];

    /// <summary>Creates or replaces a policy when it is valid and <paramref name="condition"/> holds.</summary>
    public async Task<PolicyWriteResult> SaveAsync(CorsPolicyDefinition definition, WriteCondition condition, PolicyWriter writer,
        CancellationToken cancellationToken, int? restoredVersion = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(writer);
        var errors = Validate(definition);
        if (errors.Count > 0)
        {
            PolicyLog.PolicyRefused(logger, SafeLogValue.Bound(definition.Id), errors.Count);
            return new PolicyWriteResult(PolicyWriteStatus.Invalid, errors);
        }

        var before = await store.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false);
        if (!condition.HoldsFor(before?.ETag))
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var exact = before is null ? new WriteCondition(null, CreateOnly: true) : new WriteCondition(before.ETag, CreateOnly: false);
        var written = await store.SaveAsync(definition, exact, cancellationToken).ConfigureAwait(false);
        if (written.Outcome != WriteOutcome.Done)
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var action = restoredVersion is null ? PolicyAuditAction.Put : PolicyAuditAction.Rollback;
        var entry = new PolicyAuditEntry(definition.Id, 0, action, time.GetUtcNow(), writer, before?.Definition, definition,
            before?.ETag.ToString(), written.ETag.ToString(), restoredVersion);
        return new PolicyWriteResult(PolicyWriteStatus.Written, [], written.ETag, await RecordAsync(entry, cancellationToken).ConfigureAwait(false));
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

        var deleted = await store.DeleteAsync(id, before.ETag, cancellationToken).ConfigureAwait(false);
        if (deleted.Outcome != WriteOutcome.Done)
        {
            return PolicyWriteResult.NotWritten(PolicyWriteStatus.PreconditionFailed);
        }

        var entry = new PolicyAuditEntry(id, 0, PolicyAuditAction.Delete, time.GetUtcNow(), writer, before.Definition, null, before.ETag.ToString(), null);
        return new PolicyWriteResult(PolicyWriteStatus.Written, [], default, await RecordAsync(entry, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A dry run of saving <paramref name="definition"/>: every error and the routes that would change owner; writes nothing.</summary>
    public async Task<PolicyWritePlan> PlanAsync(CorsPolicyDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var existing = stored.FirstOrDefault(p => string.Equals(p.Definition.Id, definition.Id, StringComparison.Ordinal));
        var changes = RouteOwnerChange.Between(stored.Select(p => p.Compile()), definition.Id, definition);
        return new PolicyWritePlan(Validate(definition), existing is not null, existing?.ETag.ToString(), changes);
    }

    /// <summary>
    /// Appends the audit entry after the write. The write has happened by then, so a failure here is not the
    /// caller's: it is logged as an error carrying the whole entry (the log then holds the record) and the write stands.
    /// </summary>
    private async Task<PolicyAuditEntry?> RecordAsync(PolicyAuditEntry entry, CancellationToken cancellationToken)
    {
        PolicyAuditEntry? recorded = null;
        try
        {
            recorded = await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RequestFailedException or TableStoreException || StoreFailures.Classify(exception, cancellationToken) is not null)
        {
            PolicyLog.AuditFailed(logger, exception, entry.PolicyId, entry.Action.ToString(), PolicyAuditJson.Serialize(entry));
        }

        PolicyLog.PolicyChanged(logger, entry.PolicyId, entry.Action.ToString(), recorded?.Version ?? 0, entry.Writer.Kind,
            SafeLogValue.Bound(entry.Writer.Name), SafeLogValue.Bound(entry.Writer.Id), entry.Writer.Source,
            entry.BeforeETag ?? SafeLogValue.Absent, entry.AfterETag ?? SafeLogValue.Absent);
        return recorded;
    }
}
