namespace CorsFunctions.Worker.Middleware;

/// <summary>What the middleware does with a request.</summary>
internal enum CorsAction
{
    /// <summary>Run the function, touch nothing: no policy could allow any origin here, or the CORS logic failed.</summary>
    PassThrough,

    /// <summary>A preflight: answer it without running the function.</summary>
    AnswerPreflight,

    /// <summary>An actual cross-origin request: run the function, then stamp the CORS headers on its response.</summary>
    StampResponse,

    /// <summary>
    /// A request without <c>Origin</c> on a route a policy governs: run the function, then only append
    /// <c>Vary: Origin</c>, so no cache hands this answer (which grants nothing) to a cross-origin request.
    /// </summary>
    VaryOnOrigin,
}
