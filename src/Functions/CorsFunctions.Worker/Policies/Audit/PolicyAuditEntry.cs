using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>One recorded write of one policy: who, when, what it was before and what it became.</summary>
/// <param name="PolicyId">The policy written.</param>
/// <param name="Version">1 for the first recorded write of the policy, then one more per write, in the order the writes happened.</param>
/// <param name="Action">What the write did.</param>
/// <param name="At">When it was written (UTC, whole milliseconds).</param>
/// <param name="Writer">Who wrote it.</param>
/// <param name="Before">The stored definition before the write; null when there was none.</param>
/// <param name="After">The definition after the write; null after a delete.</param>
/// <param name="BeforeETag">The row's ETag before the write; null when there was no row.</param>
/// <param name="AfterETag">The row's ETag after the write; null after a delete.</param>
/// <param name="RestoredVersion">For a rollback: the version whose definition was restored.</param>
/// <param name="PreviousHash">The hash of the version before this one (<see cref="PolicyAuditHash"/>); null for version 1.</param>
/// <param name="Hash">This entry's own hash, over its content and <paramref name="PreviousHash"/>; null for entries written before the chain.</param>
internal sealed record PolicyAuditEntry(
    string PolicyId,
    int Version,
    PolicyAuditAction Action,
    DateTimeOffset At,
    PolicyWriter Writer,
    CorsPolicyDefinition? Before,
    CorsPolicyDefinition? After,
    string? BeforeETag,
    string? AfterETag,
    int? RestoredVersion = null,
    string? PreviousHash = null,
    string? Hash = null);
