namespace CorsFunctions.Core.Evaluation;

/// <summary>What the CORS protocol makes of a request (Fetch, "CORS protocol").</summary>
public enum CorsRequestKind
{
    /// <summary>No <c>Origin</c>: not a CORS request; pass it through untouched.</summary>
    NotCors,

    /// <summary><c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    Preflight,

    /// <summary>Any other request with an <c>Origin</c>: the function answers; CORS headers go on its response.</summary>
    Actual,
}

/// <summary>Tells preflights from actual CORS requests.</summary>
public static class CorsRequestClassifier
{
    /// <summary>
    /// Classifies a request from its method and whether it carries <c>Origin</c> and
    /// <c>Access-Control-Request-Method</c>. An OPTIONS request without the latter is an ordinary request.
    /// </summary>
    public static CorsRequestKind Classify(string method, bool hasOrigin, bool hasRequestMethod)
    {
        if (!hasOrigin)
        {
            return CorsRequestKind.NotCors;
        }

        return hasRequestMethod && string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase)
            ? CorsRequestKind.Preflight
            : CorsRequestKind.Actual;
    }
}
