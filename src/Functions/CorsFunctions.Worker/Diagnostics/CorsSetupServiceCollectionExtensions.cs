using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>Registers the start-up checks of the app's CORS setup.</summary>
internal static class CorsSetupServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CorsSetupDiagnostics"/> as a hosted service. Needs the worker's <c>IFunctionMetadataManager</c>
    /// (every Functions worker builder registers it) and an <c>IPolicySnapshotReady</c> (<c>AddCorsPolicies</c>).
    /// </summary>
    public static IServiceCollection AddCorsSetupDiagnostics(this IServiceCollection services)
    {
        services.AddAppLintContext().AddHostedService<CorsSetupDiagnostics>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="AppLintContext"/>, the app the start-up log and the management API lint policies against; read
    /// from the worker's <c>IFunctionMetadataManager</c> when the container has one. Idempotent.
    /// </summary>
    public static IServiceCollection AddAppLintContext(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => FunctionAppEnvironment.FromProcess());
        services.TryAddSingleton(provider => new AppLintContext(
            provider.GetService<IFunctionMetadataManager>(), provider.GetRequiredService<FunctionAppEnvironment>()));
        return services;
    }
}
