using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Management.Callers;
using CorsFunctions.Worker.Management.Functions;
using CorsFunctions.Worker.Management.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Management;

/// <summary>Registers what the management functions run on; the policy store, pipeline and snapshot come from <c>UseCorsPolicies()</c>.</summary>
internal static class ManagementServiceCollectionExtensions
{
    /// <summary>
    /// Adds the management settings (section <c>CorsPolicies</c>, validated at startup), the handlers, the caller reader,
    /// the authorizer and <see cref="ManagementApi"/>. Idempotent.
    /// </summary>
    public static IServiceCollection AddCorsPoliciesManagement(this IServiceCollection services)
    {
        services.AddOptions<CorsManagementOptions>().BindConfiguration(CorsManagementOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorsManagementOptions>, CorsManagementOptionsValidator>());
        services.AddAppLintContext().TryAddSingleton<PolicyManagementHandler>();
        services.TryAddSingleton<CorsCheckApiHandler>();
        services.TryAddSingleton<ManagementCallerReader>();
        services.TryAddSingleton<ManagementAuthorizer>();
        services.TryAddSingleton<ManagementApi>();
        return services;
    }
}
