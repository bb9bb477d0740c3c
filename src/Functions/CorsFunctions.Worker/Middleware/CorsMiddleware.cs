using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The worker glue of the request path, kept small: hands the request to <see cref="CorsRequestHandler"/>,
/// answers preflights without running the function, stamps CORS headers (or only <c>Vary: Origin</c>) on the
/// responses of other requests. Non-HTTP triggers pass through.
/// </summary>
internal sealed class CorsMiddleware(CorsRequestHandler handler) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
        if (request is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var corsRequest = new HttpRequestDataCorsRequest(request);
        var decision = handler.Decide(corsRequest);
        switch (decision.Action)
        {
            case CorsAction.AnswerPreflight:
                var answer = request.CreateResponse(decision.PreflightStatus);
                if (!handler.TryWrite(decision, answer.Headers, corsRequest))
                {
                    answer = request.CreateResponse(HttpStatusCode.Forbidden);
                }

                HttpResponseBinding.Set(context, answer);
                break;

            case CorsAction.StampResponse:
            case CorsAction.VaryOnOrigin:
                await next(context).ConfigureAwait(false);
                if (context.GetHttpResponseData() is { } response)
                {
                    handler.TryWrite(decision, response.Headers, corsRequest);
                }

                break;

            default:
                await next(context).ConfigureAwait(false);
                break;
        }
    }
}
