using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Management.Handlers;

/// <summary>The answer of <c>PUT cors-policies/{id}?dryRun=true</c> for a valid policy: what the write would do; nothing was written.</summary>
/// <param name="DryRun">Always true: marks the answer as a dry run.</param>
/// <param name="WouldCreate">True when no policy has this id yet.</param>
/// <param name="CurrentETag">The stored row's ETag, for <c>If-Match</c> on the real write; null when it would create the policy.</param>
/// <param name="RouteChanges">The route patterns that would change owner.</param>
/// <param name="Policy">The policy as it would be stored.</param>
internal sealed record PolicyDryRunDocument(bool DryRun, bool WouldCreate, string? CurrentETag, IReadOnlyList<RouteOwnerChange> RouteChanges, PolicyDocument Policy);
