using CorsFunctions.Worker;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker;

// Where the worker keeps its own builder extensions (UseMiddleware, ConfigureFunctionsWebApplication): Program.cs needs no extra using.
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace Microsoft.Extensions.Hosting;
#pragma warning restore IDE0130

/// <summary>Adds CorsFunctions to an Azure Functions (.NET isolated worker) app.</summary>
public static class CorsPoliciesWorkerApplicationBuilderExtensions
{
    /// <summary>
    /// Answers CORS preflights and stamps CORS headers on the responses of cross-origin requests, from the
    /// policies stored in Azure Table Storage (settings from the <c>CorsPolicies</c> configuration section).
    /// Call it before any other <c>UseMiddleware</c>, so that preflights are answered before anything else runs.
    /// At start-up it logs a warning for each setup that would break CORS (a trigger that accepts OPTIONS, a route
    /// prefix no policy route uses, a function no policy governs).
    /// </summary>
    /// <param name="builder">The worker application builder (<c>FunctionsApplication.CreateBuilder(args)</c>).</param>
    /// <returns>The same builder.</returns>
    public static IFunctionsWorkerApplicationBuilder UseCorsPolicies(this IFunctionsWorkerApplicationBuilder builder) =>
        builder.UseCorsPolicies(static _ => { });

    /// <summary>
    /// Like <see cref="UseCorsPolicies(IFunctionsWorkerApplicationBuilder)"/>, then applies
    /// <paramref name="configure"/> over the settings read from the <c>CorsPolicies</c> section.
    /// </summary>
    /// <param name="builder">The worker application builder.</param>
    /// <param name="configure">Changes the options after configuration was bound.</param>
    /// <returns>The same builder.</returns>
    public static IFunctionsWorkerApplicationBuilder UseCorsPolicies(this IFunctionsWorkerApplicationBuilder builder, Action<CorsPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddCorsPolicies(configure).AddCorsRequestPath().AddCorsSetupDiagnostics();
        builder.UseMiddleware<CorsMiddleware>();
        return builder;
    }
}
