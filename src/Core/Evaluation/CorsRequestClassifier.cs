namespace CorsFunctions.Core.Evaluation;

/// <summary>Tells preflights from actual CORS requests.</summary>
public static class CorsRequestClassifier
{
    /// <summary>
    /// Classifies a request from its method and whether it carries <c>Origin</c> and
    /// <c>Access-Control-Request-Method</c>. An OPTIONS request without the latter is an actual request of method
    /// OPTIONS (a page's own <c>fetch(url, { method: 'OPTIONS' })</c>), never passed over.
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
