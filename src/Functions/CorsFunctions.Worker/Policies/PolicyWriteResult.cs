using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Policies;

/// <summary>The outcome of one write through the <see cref="PolicyWritePipeline"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Errors">Every validation error, when <see cref="PolicyWriteStatus.Invalid"/>.</param>
/// <param name="ETag">The row's new ETag after a save.</param>
/// <param name="Audit">The audit entry recorded; null when nothing was written, or when the audit log could not be written (logged as an error).</param>
/// <param name="Written">The definition written, after a save.</param>
/// <param name="Break">For <see cref="PolicyWriteStatus.ChainBroken"/>: the first problem of the audit log at or next to the version named.</param>
internal sealed record PolicyWriteResult(PolicyWriteStatus Status, IReadOnlyList<PolicyError> Errors, ETag ETag = default, PolicyAuditEntry? Audit = null,
    CorsPolicyDefinition? Written = null, AuditProblem? Break = null)
{
    /// <summary>A write that did not happen for <paramref name="status"/>.</summary>
    public static PolicyWriteResult NotWritten(PolicyWriteStatus status) => new(status, []);
}
