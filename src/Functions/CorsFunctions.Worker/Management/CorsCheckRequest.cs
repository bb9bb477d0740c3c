namespace CorsFunctions.Worker.Management;

/// <summary>The body of <c>POST cors-check</c>: the request a browser would send, and optionally a policy to try instead of the stored one.</summary>
/// <param name="Path">The request path, route prefix included (<c>/api/items/42</c>).</param>
/// <param name="Origin">The page's origin.</param>
/// <param name="Method">The method of the actual request; when given, the preflight for it is evaluated too.</param>
/// <param name="Headers">The request header names the page sets (the preflight's <c>Access-Control-Request-Headers</c>).</param>
/// <param name="PrivateNetwork">Whether the preflight asks for private-network access.</param>
/// <param name="Policy">
/// A proposed policy, not saved: the decision is taken as if it replaced the stored policy with its id (or were
/// added beside the others), every other policy of the snapshot staying as it is.
/// </param>
internal sealed record CorsCheckRequest(string? Path, string? Origin, string? Method, IReadOnlyList<string>? Headers, bool PrivateNetwork, PolicyDocument? Policy = null);
