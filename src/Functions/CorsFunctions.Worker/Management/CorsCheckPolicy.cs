namespace CorsFunctions.Worker.Management;

/// <summary>The policy that matched.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="Route">The route pattern that matched.</param>
/// <param name="Valid">Whether the policy compiled; an invalid policy refuses everything on its routes.</param>
/// <param name="Errors">Why it is invalid.</param>
/// <param name="Proposed">True when the match is the proposed policy of the request, not a stored one.</param>
/// <param name="Debug">Whether the policy is in debug mode (a refused method or header is answered with its lists).</param>
internal sealed record CorsCheckPolicy(string Id, string? Route, bool Valid, IReadOnlyList<PolicyErrorDocument>? Errors, bool Proposed, bool Debug);
