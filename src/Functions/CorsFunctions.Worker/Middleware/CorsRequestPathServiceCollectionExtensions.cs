using CorsFunctions.Worker.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CorsFunctions.Worker.Middleware;

/// <summary>Registers the request path (the middleware itself is added with <c>UseMiddleware</c>).</summary>
internal static class CorsRequestPathServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CorsRequestHandler"/> and its telemetry. Needs an <c>IPolicySnapshotSource</c>
    /// (<c>AddCorsPolicies</c>) and an <c>IMeterFactory</c> (every host builder registers one).
    /// </summary>
    public static IServiceCollection AddCorsRequestPath(this IServiceCollection services)
    {
        services.AddSingleton<CorsDecisionTelemetry>();
        services.AddSingleton<CorsRequestHandler>();
        return services;
    }
}
