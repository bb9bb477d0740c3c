namespace CorsFunctions.Worker.Middleware;

/// <summary>Why the CORS headers of a decision did not reach the response.</summary>
internal enum UnstampedReason
{
    /// <summary>The function produced no HTTP response the middleware can reach.</summary>
    NoResponse,

    /// <summary>The response had already started (its headers were sent) before the headers could be added.</summary>
    ResponseStarted,

    /// <summary>Writing the headers threw; whatever grant was already written was taken back.</summary>
    WriteFailed,
}
