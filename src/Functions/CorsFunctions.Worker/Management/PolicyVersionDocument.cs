using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management;

/// <summary>One recorded write as JSON.</summary>
/// <param name="Version">The version number, for <c>rollback?version=</c>.</param>
/// <param name="Action">What the write did.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="BeforeETag">The row's ETag before the write; null when it created the policy.</param>
/// <param name="AfterETag">The row's ETag after the write; null after a delete.</param>
/// <param name="RestoredVersion">For a rollback, the version restored.</param>
/// <param name="Before">The definition before; null when the write created the policy.</param>
/// <param name="After">The definition after; null after a delete.</param>
/// <param name="PreviousHash">The hash of the version before, as this entry recorded it.</param>
/// <param name="Hash">This entry's hash; null for entries written before the chain.</param>
internal sealed record PolicyVersionDocument(int Version, PolicyAuditAction Action, DateTimeOffset At, PolicyWriter By, string? BeforeETag, string? AfterETag,
    int? RestoredVersion, PolicyDocument? Before, PolicyDocument? After, string? PreviousHash, string? Hash)
{
    /// <summary>The JSON form of an audit entry.</summary>
    public static PolicyVersionDocument From(PolicyAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PolicyVersionDocument(entry.Version, entry.Action, entry.At, entry.Writer, entry.BeforeETag, entry.AfterETag, entry.RestoredVersion,
            entry.Before is null ? null : PolicyDocument.From(entry.Before, null, []),
            entry.After is null ? null : PolicyDocument.From(entry.After, null, []), entry.PreviousHash, entry.Hash);
    }
}
