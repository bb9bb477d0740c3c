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

    /// <summary>The binding type of an HTTP trigger in the function metadata.</summary>
    private const string HttpTriggerBinding = "httpTrigger";

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

        if (_aspNetCoreIntegration)
        {
            // No HttpContext in this model: either no HTTP trigger, or this middleware runs before the integration's own
            // (UseCorsPolicies came first). Then the request must not even be read: binding it now, before the
            // integration did, makes every function fail (InvalidCastException). Touch nothing and say how to fix it.
            if (IsHttpTriggered(context.FunctionDefinition))
            {
                logger.RegisteredBeforeAspNetCoreIntegration(context.FunctionDefinition.Name);
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        if (await context.GetHttpRequestDataAsync().ConfigureAwait(false) is { } request)
        {
            await _builtIn.InvokeAsync(context, request, next).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsHttpTriggered(FunctionDefinition function) =>
        function.InputBindings.Values.Any(binding => string.Equals(binding.Type, HttpTriggerBinding, StringComparison.OrdinalIgnoreCase));
}
