namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The append-only record of every policy write (Table Storage in production).</summary>
internal interface IPolicyAuditLog
{
    /// <summary>Appends <paramref name="entry"/> as the policy's next version (its <see cref="PolicyAuditEntry.Version"/> is ignored); returns the entry as stored.</summary>
    Task<PolicyAuditEntry> AppendAsync(PolicyAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Every recorded write of <paramref name="policyId"/>, oldest first.</summary>
    Task<IReadOnlyList<PolicyAuditEntry>> ListAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>One recorded write, or null when the policy has no such version.</summary>
    Task<PolicyAuditEntry?> GetAsync(string policyId, int version, CancellationToken cancellationToken);
}
