using System.ComponentModel;
using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Worker.Preflight;

/// <summary>
/// The one function that accepts OPTIONS. The host maps every route with a method constraint (an OPTIONS
/// request to a route that does not list it gets 404) and enforces function keys before the worker runs
/// (a preflight never carries one: 401). This anonymous, OPTIONS-only catch-all lets every preflight reach
/// the worker, where <see cref="Middleware.CorsMiddleware"/> answers it before this body runs; the real
/// functions keep their auth level and never list <c>options</c>. Public only so that the worker's generated executor
/// calls it directly (a function of a non-public class goes through reflection, several times slower): not an API to call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PreflightFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "CorsPreflight";

    /// <summary>
    /// Runs only for an OPTIONS request that is not a preflight (no <c>Access-Control-Request-Method</c>): a plain
    /// 204. With an <c>Origin</c> it is an actual request of method OPTIONS (a page's own
    /// <c>fetch(url, { method: 'OPTIONS' })</c>), so the middleware stamps it like any other when the origin is allowed.
    /// </summary>
    /// <param name="request">The OPTIONS request.</param>
    /// <returns>204, no body.</returns>
    [Function(Name)]
    public static HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse(HttpStatusCode.NoContent);
    }
}
