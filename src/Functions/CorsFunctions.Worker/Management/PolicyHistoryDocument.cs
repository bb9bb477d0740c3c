namespace CorsFunctions.Worker.Management;

/// <summary>The body of <c>GET cors-policies/{id}/history</c>: every recorded write, oldest first.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="Versions">One entry per write.</param>
internal sealed record PolicyHistoryDocument(string Id, IReadOnlyList<PolicyVersionDocument> Versions);
