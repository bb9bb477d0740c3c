namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// An audit log whose store failures name the audit table (see <see cref="TableCalls"/>), around one that does not
/// name it itself: <see cref="TablePolicyAuditLog"/>, until it wraps its own operations in <see cref="TableCalls"/>.
/// Then this decorator changes nothing (a named failure keeps its name) and can go.
/// </summary>
internal sealed class TableNamedAuditLog(IPolicyAuditLog audit, string tableName) : IPolicyAuditLog
{
    /// <inheritdoc />
    public Task<PolicyAuditEntry> AppendAsync(PolicyAuditEntry entry, CancellationToken cancellationToken) =>
        TableCalls.RunAsync(tableName, () => audit.AppendAsync(entry, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyAuditEntry>> ListAsync(string policyId, CancellationToken cancellationToken) =>
        TableCalls.RunAsync(tableName, () => audit.ListAsync(policyId, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<PolicyAuditEntry?> GetAsync(string policyId, int version, CancellationToken cancellationToken) =>
        TableCalls.RunAsync(tableName, () => audit.GetAsync(policyId, version, cancellationToken), cancellationToken);
}
