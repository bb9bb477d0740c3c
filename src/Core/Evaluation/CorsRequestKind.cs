namespace CorsFunctions.Core.Evaluation;

/// <summary>What the CORS protocol makes of a request (Fetch, "CORS protocol").</summary>
public enum CorsRequestKind
{
    /// <summary>No <c>Origin</c>: not a CORS request, nothing is granted (its response may still vary on <c>Origin</c>).</summary>
    NotCors,

    /// <summary><c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    Preflight,

    /// <summary>
    /// Any other request with an <c>Origin</c>, a plain <c>OPTIONS</c> (no <c>Access-Control-Request-Method</c>)
    /// included: the function answers; CORS headers go on its response.
    /// </summary>
    Actual,
}
