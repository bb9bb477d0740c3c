namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The audit log of one policy as read back and verified (<see cref="PolicyAuditChain"/>).</summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="Entries">Every readable entry, oldest first.</param>
/// <param name="Problems">Everything that does not verify, in version order (rows without a version last); none when the chain holds.</param>
/// <param name="ChainedFrom">The first version that carries a hash; earlier versions were written before the chain and are only covered by the hash of their successor.</param>
/// <param name="UnrecordedChangesBefore">
/// Versions whose "before" ETag is not the previous version's "after" ETag: the row was changed outside the write
/// pipeline (by hand, or with the storage key) between the two.
/// </param>
internal sealed record PolicyAuditHistory(string PolicyId, IReadOnlyList<PolicyAuditEntry> Entries, IReadOnlyList<AuditProblem> Problems, int? ChainedFrom,
    IReadOnlyList<int> UnrecordedChangesBefore)
{
    /// <summary>
    /// Whether the policy row is not what the last entry left (another ETag, or gone after a write that left one): it was
    /// changed outside the write pipeline since. Set by the caller that read the row.
    /// </summary>
    public bool RowChangedSinceLastEntry { get; init; }

    /// <summary>Whether the log holds nothing at all for the policy: no entry, not even a broken one.</summary>
    public bool IsEmpty => Entries.Count == 0 && Problems.Count == 0;

    /// <summary>Whether every row is sound and every link of the chain holds.</summary>
    public bool Verified => Problems.Count == 0;

    /// <summary>The first problem that concerns a version, or null.</summary>
    public AuditProblem? FirstBreak => Problems.FirstOrDefault(p => p.Version is not null);

    /// <summary>
    /// Whether version <paramref name="version"/> can be trusted: versions 1 to <paramref name="version"/> verify, and so
    /// does the next one, whose previous hash is the one witness of <paramref name="version"/>'s content.
    /// </summary>
    public bool VerifiesThrough(int version) => !Problems.Any(p => p.Version <= version + 1);
}
