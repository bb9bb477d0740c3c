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

        return hasRequestMethod && IsOptions(method) ? CorsRequestKind.Preflight : CorsRequestKind.Actual;
    }

    /// <summary>
    /// Whether <paramref name="method"/> is <c>OPTIONS</c> as Fetch compares methods: normalised first (OPTIONS is one
    /// of the six names browsers upper-case, so <c>options</c> becomes <c>OPTIONS</c>), then compared byte for byte.
    /// The one rule every layer uses to spot a possible preflight.
    /// </summary>
    public static bool IsOptions(string method) => string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase);
}
