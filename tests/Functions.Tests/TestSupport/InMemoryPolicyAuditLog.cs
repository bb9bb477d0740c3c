using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>An append-only <see cref="IPolicyAuditLog"/> in memory; <see cref="Failure"/> makes appends throw.</summary>
internal sealed class InMemoryPolicyAuditLog : IPolicyAuditLog
{
    private readonly List<PolicyAuditEntry> _entries = [];

    public Exception? Failure { get; set; }

    public IReadOnlyList<PolicyAuditEntry> Entries => _entries;

    public Task<PolicyAuditEntry> AppendAsync(PolicyAuditEntry entry, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        var stored = entry with { Version = _entries.Count(e => e.PolicyId == entry.PolicyId) + 1 };
        _entries.Add(stored);
        return Task.FromResult(stored);
    }

    public Task<IReadOnlyList<PolicyAuditEntry>> ListAsync(string policyId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PolicyAuditEntry>>([.. _entries.Where(e => e.PolicyId == policyId)]);

    public Task<PolicyAuditEntry?> GetAsync(string policyId, int version, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.FirstOrDefault(e => e.PolicyId == policyId && e.Version == version));
}
