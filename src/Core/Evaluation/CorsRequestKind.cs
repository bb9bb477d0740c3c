namespace CorsFunctions.Core.Evaluation;

/// <summary>
/// What the CORS protocol makes of a request (Fetch, "CORS protocol"). No member is zero: a
/// <c>default(CorsRequestKind)</c> was never classified and matches no kind (in particular not
/// <see cref="NotCors"/>); code that has not classified a request yet holds a null <c>CorsRequestKind?</c>.
/// </summary>
public enum CorsRequestKind
{
    /// <summary>No <c>Origin</c>: not a CORS request, nothing is granted (its response may still vary on <c>Origin</c>).</summary>
    NotCors = 1,

    /// <summary><c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    Preflight = 2,

    /// <summary>
    /// Any other request with an <c>Origin</c>, a plain <c>OPTIONS</c> (no <c>Access-Control-Request-Method</c>)
    /// included: the function answers; CORS headers go on its response.
    /// </summary>
    Actual = 3,
}
