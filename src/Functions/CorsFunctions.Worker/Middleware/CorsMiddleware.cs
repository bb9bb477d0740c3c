using CorsFunctions.Worker.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The worker glue of the request path, kept small: finds the HTTP model of each invocation and hands it to the
/// adapter for that model, which answers preflights without running the function and stamps CORS headers (or only
/// <c>Vary: Origin</c>) on the responses of other requests. Non-HTTP triggers pass through.
/// </summary>
internal sealed class CorsMiddleware(CorsRequestHandler handler, IOptions<WorkerOptions> workerOptions, ILogger<CorsMiddleware> logger)
    : IFunctionsWorkerMiddleware
{
    /// <summary>The capability the ASP.NET Core integration announces to the host (its own HTTP server's address).</summary>
    private const string HttpUriCapability = "HttpUri";

    private readonly AspNetCoreCorsAdapter _aspNetCore = new(handler);
    private readonly HttpRequestDataCorsAdapter _builtIn = new(handler);
    private readonly bool _aspNetCoreIntegration = workerOptions.Value.Capabilities.ContainsKey(HttpUriCapability);

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // Set by the ASP.NET Core integration's own middleware, which runs first when the app uses that model.
        if (context.GetHttpContext() is { } httpContext)
        {
            await _aspNetCore.InvokeAsync(context, httpContext, next).ConfigureAwait(false);
            return;
        }

        if (await context.GetHttpRequestDataAsync().ConfigureAwait(false) is { } request)
        {
            if (_aspNetCoreIntegration)
            {
                // This middleware runs before the integration's own (UseCorsPolicies came first): an answer given here
                // would be lost and the host would send 200. Touch nothing and say how to fix it.
                logger.RegisteredBeforeAspNetCoreIntegration(context.FunctionDefinition.Name);
                await next(context).ConfigureAwait(false);
                return;
            }

            await _builtIn.InvokeAsync(context, request, next).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
