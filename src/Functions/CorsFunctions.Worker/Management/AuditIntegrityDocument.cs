using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management;

/// <summary>What verifying a policy's audit chain found.</summary>
/// <param name="Verified">True when every row is sound and every link holds.</param>
/// <param name="ChainedFrom">The first version carrying a hash; earlier ones predate the chain.</param>
/// <param name="FirstBreak">The first problem that concerns a version, or null.</param>
/// <param name="Problems">Every problem, in version order; rows that hold no version (foreign rows) last.</param>
/// <param name="UnrecordedChangesBefore">Versions before which the row was changed outside the write pipeline.</param>
/// <param name="RowChangedSinceLastEntry">Whether the row was changed (or deleted) outside the write pipeline after the last entry.</param>
internal sealed record AuditIntegrityDocument(bool Verified, int? ChainedFrom, AuditProblem? FirstBreak, IReadOnlyList<AuditProblem> Problems,
    IReadOnlyList<int> UnrecordedChangesBefore, bool RowChangedSinceLastEntry);
