using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The built-in HTTP model (<see cref="HttpRequestData"/>/<see cref="HttpResponseData"/> over gRPC): a preflight is
/// answered with a response of the worker's own type, any other response is stamped once the function returned it.
/// </summary>
internal sealed class HttpRequestDataCorsAdapter(CorsRequestHandler handler)
{
    /// <summary>Runs the CORS logic around the function for <paramref name="request"/>.</summary>
    public async Task InvokeAsync(FunctionContext context, HttpRequestData request, FunctionExecutionDelegate next)
    {
        var corsRequest = new HttpRequestDataCorsRequest(request);
        var decision = handler.Decide(corsRequest);
        switch (decision.Action)
        {
            case CorsAction.AnswerPreflight:
                HttpResponseBinding.Set(context, Answer(request, decision, corsRequest));
                break;

            case CorsAction.StampResponse:
            case CorsAction.VaryOnOrigin:
                await next(context).ConfigureAwait(false);
                Stamp(context.GetHttpResponseData(), decision, corsRequest);
                break;

            default:
                await next(context).ConfigureAwait(false);
                break;
        }
    }

    private HttpResponseData Answer(HttpRequestData request, in CorsDecision decision, ICorsRequest corsRequest)
    {
        var answer = request.CreateResponse(decision.PreflightStatus);
        var sink = new HttpHeadersSink(answer.Headers);

        // A fresh 403 when writing failed: nothing of the half-written answer goes out.
        return handler.TryWrite(decision, ref sink, corsRequest) ? answer : request.CreateResponse(HttpStatusCode.Forbidden);
    }

    private void Stamp(HttpResponseData? response, in CorsDecision decision, ICorsRequest corsRequest)
    {
        if (response is null)
        {
            handler.NotStamped(decision, corsRequest, UnstampedReason.NoResponse);
            return;
        }

        var sink = new HttpHeadersSink(response.Headers);
        handler.TryWrite(decision, ref sink, corsRequest);
    }
}
