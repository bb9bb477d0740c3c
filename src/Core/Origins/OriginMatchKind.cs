namespace CorsFunctions.Core.Origins;

/// <summary>How a request's <c>Origin</c> compared with a policy's allowed origins.</summary>
internal enum OriginMatchKind
{
    Malformed,
    TooLong,
    NotCanonical,
    NotAllowed,
    Exact,
    Wildcard,
    Any,
    Null,
}
