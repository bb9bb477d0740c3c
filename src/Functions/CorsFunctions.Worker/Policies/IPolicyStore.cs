using Azure;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>The policies of this app's policy set, as stored (Table Storage in production).</summary>
internal interface IPolicyStore
{
    /// <summary>Reads every policy of the set, readable or not.</summary>
    Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Reads one policy, or null when there is none with that id.</summary>
    Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a policy (the caller has validated it) as audit version <paramref name="auditVersion"/> when
    /// <paramref name="condition"/> holds; other stored properties of the row that this app does not know are kept.
    /// </summary>
    Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, int auditVersion, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Deletes a policy, only if its ETag is still <paramref name="ifMatch"/> when one is given.</summary>
    Task<WriteResult> DeleteAsync(string id, ETag? ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// The set's change marker, a row that every write through <see cref="PolicyWritePipeline"/> touches; null while no
    /// write has made one. Never a policy: <see cref="ListAsync"/> and <see cref="GetAsync"/> do not see it.
    /// </summary>
    Task<ChangeMarker?> ReadChangeMarkerAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a write of <paramref name="policyId"/> in the change marker (its <see cref="PolicyChangeLog"/> one version
    /// on, concurrent writers retried on the marker's ETag), so every instance reads that row at its next refresh.
    /// </summary>
    Task MarkChangedAsync(string policyId, CancellationToken cancellationToken);
}
