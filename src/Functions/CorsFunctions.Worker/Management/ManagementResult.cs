using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Management;

/// <summary>What a management call answers, independent of the Functions HTTP types.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The object to serialise as JSON, or null for no body.</param>
/// <param name="ETag">The <c>ETag</c> response header, when there is one.</param>
internal sealed record ManagementResult(int Status, object? Body, string? ETag = null)
{
    /// <summary>The media type of error answers (RFC 9457).</summary>
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Whether the body is a problem document.</summary>
    public bool IsProblem => Body is ProblemDocument;

    /// <summary>An RFC 9457 problem answer.</summary>
    public static ManagementResult Problem(int status, string title, string detail, IReadOnlyList<PolicyErrorDocument>? errors = null) =>
        new(status, new ProblemDocument("about:blank", title, status, detail, errors));

    /// <summary>A 400 validation problem listing every error.</summary>
    public static ManagementResult ValidationProblem(IEnumerable<PolicyError> errors) =>
        Problem(400, "The policy is invalid", "Nothing was written. Fix every error listed in 'errors'.", [.. errors.Select(PolicyErrorDocument.From)]);
}

/// <summary>An RFC 9457 problem details document (the ValidationProblem shape when <see cref="Errors"/> is set).</summary>
/// <param name="Type">The problem type; <c>about:blank</c>: no type beyond the status code (RFC 9457 section 4.2.1).</param>
/// <param name="Title">A short summary of the problem type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What happened in this occurrence.</param>
/// <param name="Errors">Every validation error, for a 400 on an invalid policy.</param>
internal sealed record ProblemDocument(string Type, string Title, int Status, string Detail, IReadOnlyList<PolicyErrorDocument>? Errors);
