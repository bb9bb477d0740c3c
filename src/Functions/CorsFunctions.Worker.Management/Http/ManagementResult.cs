namespace CorsFunctions.Worker.Management.Http;

/// <summary>What a management call answers, independent of the Functions HTTP types.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The object to serialise as JSON, or null for no body.</param>
/// <param name="ETag">The <c>ETag</c> response header, when there is one.</param>
/// <param name="RetryAfterSeconds">The <c>Retry-After</c> response header, when the caller should try again later.</param>
internal sealed record ManagementResult(int Status, object? Body, string? ETag = null, int? RetryAfterSeconds = null)
{
    /// <summary>The media type of error answers (RFC 9457).</summary>
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Whether the body is a problem document.</summary>
    public bool IsProblem => Body is ProblemDocument;
}
