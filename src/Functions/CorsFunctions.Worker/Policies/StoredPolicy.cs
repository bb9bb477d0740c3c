using Azure;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>One stored row read back: the definition, the fields that could not be read, and the row's ETag.</summary>
/// <param name="Definition">The definition with every readable field.</param>
/// <param name="ReadErrors">Fields stored with a type or text that could not be read; any makes the policy invalid.</param>
/// <param name="ETag">The row version, for optimistic concurrency.</param>
/// <param name="AuditVersion">The audit version of the row's last write through the pipeline; 0 when unknown.</param>
internal sealed record StoredPolicy(CorsPolicyDefinition Definition, IReadOnlyList<PolicyError> ReadErrors, ETag ETag, int AuditVersion = 0)
{
    /// <summary>Validates the row with Core, counting the read errors.</summary>
    public PolicyCompilation Compile() => PolicyCompiler.Compile(Definition, ReadErrors);
}
