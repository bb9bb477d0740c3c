namespace CorsFunctions.Worker.Management.Http;

/// <summary>An RFC 9457 problem details document (the ValidationProblem shape when <see cref="Errors"/> is set).</summary>
/// <param name="Type">The problem type, one of <see cref="ManagementProblems"/>' <c>urn:corsfunctions:problem:*</c> URIs: act on this, not on the title.</param>
/// <param name="Title">A short summary of the problem type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What happened in this occurrence, and what to do.</param>
/// <param name="Errors">Every validation error, for an invalid policy.</param>
/// <param name="RouteChanges">For a dry run of an invalid policy: the routes it would still change.</param>
/// <param name="Table">For a store failure: the table that failed (the policy table or the audit table).</param>
internal sealed record ProblemDocument(string Type, string Title, int Status, string Detail, IReadOnlyList<PolicyErrorDocument>? Errors = null,
    IReadOnlyList<Policies.RouteOwnerChange>? RouteChanges = null, string? Table = null)
{
    /// <summary>For malformed JSON: every error of the body, each with its JSON path (<c>path</c>, <c>message</c>).</summary>
    public IReadOnlyList<JsonInputError>? JsonErrors { get; init; }
}
