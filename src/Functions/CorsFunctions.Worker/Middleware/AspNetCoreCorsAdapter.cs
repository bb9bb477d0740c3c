using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The ASP.NET Core integration model (<c>ConfigureFunctionsWebApplication</c>): the host proxies the HTTP request to
/// the worker's own server, and the function's answer (an <c>IActionResult</c>, an <see cref="Microsoft.Azure.Functions.Worker.Http.HttpResponseData"/>
/// or writes to <see cref="HttpResponse"/>) is written to the <see cref="HttpContext"/>, partly only after this
/// middleware returned. So a preflight is answered on the <see cref="HttpResponse"/> itself, and any other response is
/// stamped in <see cref="HttpResponse.OnStarting(Func{Task})"/>, just before its headers are sent, whatever wrote it.
/// </summary>
internal sealed class AspNetCoreCorsAdapter(CorsRequestHandler handler)
{
    /// <summary>Runs the CORS logic around the function for the request of <paramref name="httpContext"/>.</summary>
    public async Task InvokeAsync(FunctionContext context, HttpContext httpContext, FunctionExecutionDelegate next)
    {
        var corsRequest = new HttpRequestCorsRequest(httpContext.Request);
        var decision = handler.Decide(corsRequest);
        switch (decision.Action)
        {
            case CorsAction.AnswerPreflight:
                await AnswerAsync(context, httpContext.Response, decision, corsRequest).ConfigureAwait(false);
                break;

            case CorsAction.StampResponse:
            case CorsAction.VaryOnOrigin:
                await RunStampingWhenStartingAsync(context, httpContext.Response, decision, corsRequest, next).ConfigureAwait(false);
                break;

            default:
                await next(context).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerAsync(FunctionContext context, HttpResponse response, CorsDecision decision, ICorsRequest corsRequest)
    {
        if (response.HasStarted)
        {
            handler.NotStamped(decision, corsRequest, UnstampedReason.ResponseStarted);
            return;
        }

        response.StatusCode = (int)decision.PreflightStatus;
        var sink = new HeaderDictionarySink(response.Headers);
        if (!handler.TryWrite(decision, ref sink, corsRequest))
        {
            // Nothing of the half-written answer goes out: a bare 403.
            response.Clear();
            response.StatusCode = StatusCodes.Status403Forbidden;
        }

        // The worker's proxying middleware treats a response over this HttpContext as the invocation's answer;
        // without one it would report that the function returned no HTTP response.
        if (await context.GetHttpRequestDataAsync().ConfigureAwait(false) is { } requestData)
        {
            HttpResponseBinding.Set(context, requestData.CreateResponse());
        }
    }

    /// <summary>
    /// Runs the function and stamps its response just before the headers go out. When the function threw, nothing is
    /// stamped, counted or logged, exactly as in the built-in model (whose stamping never runs after a throw): what the
    /// server then sends (the failed invocation's answer) is not the function's response and carries no CORS grant. A
    /// response the function started itself before throwing was stamped as it started, with the headers it sent.
    /// </summary>
    private async Task RunStampingWhenStartingAsync(FunctionContext context, HttpResponse response, CorsDecision decision, ICorsRequest corsRequest,
        FunctionExecutionDelegate next)
    {
        if (response.HasStarted)
        {
            handler.NotStamped(decision, corsRequest, UnstampedReason.ResponseStarted);
            await next(context).ConfigureAwait(false);
            return;
        }

        var functionThrew = false;
        response.OnStarting(() =>
        {
            if (!functionThrew)
            {
                var sink = new HeaderDictionarySink(response.Headers);
                handler.TryWrite(decision, ref sink, corsRequest);
            }

            return Task.CompletedTask;
        });

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            functionThrew = true;
            throw;
        }
    }
}
