using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>What a write would do, worked out without writing (a dry run).</summary>
/// <param name="Errors">Every validation error; the write would be refused when there is any.</param>
/// <param name="Exists">Whether the policy exists now (the write would replace it rather than create it).</param>
/// <param name="CurrentETag">The stored row's ETag, to send in <c>If-Match</c> for the real write.</param>
/// <param name="RouteChanges">The route patterns that would change owner.</param>
internal sealed record PolicyWritePlan(IReadOnlyList<PolicyError> Errors, bool Exists, string? CurrentETag, IReadOnlyList<RouteOwnerChange> RouteChanges);
