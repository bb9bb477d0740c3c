using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management;

/// <summary>The body of <c>GET cors-policies/{id}/history</c> (and of <c>corsfunctions history --json</c>): every recorded write, oldest first.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="Integrity">Whether the audit chain verifies, and where it breaks.</param>
/// <param name="Versions">One entry per readable write.</param>
internal sealed record PolicyHistoryDocument(string Id, AuditIntegrityDocument Integrity, IReadOnlyList<PolicyVersionDocument> Versions)
{
    /// <summary>The JSON form of a verified history.</summary>
    public static PolicyHistoryDocument From(PolicyAuditHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new PolicyHistoryDocument(history.PolicyId,
            new AuditIntegrityDocument(history.Verified, history.ChainedFrom, history.FirstBreak, history.Problems, history.UnrecordedChangesBefore,
                history.RowChangedSinceLastEntry),
            [.. history.Entries.Select(PolicyVersionDocument.From)]);
    }
}
