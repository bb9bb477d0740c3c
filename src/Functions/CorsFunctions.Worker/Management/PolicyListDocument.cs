namespace CorsFunctions.Worker.Management;

/// <summary>The policies of the set: the body of <c>GET cors-policies</c> and the shape of <c>samples/policies.json</c>.</summary>
/// <param name="Policies">Every policy, ordered by id.</param>
internal sealed record PolicyListDocument(IReadOnlyList<PolicyDocument> Policies);
