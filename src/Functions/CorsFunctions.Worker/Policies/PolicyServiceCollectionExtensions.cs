using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Policies;

/// <summary>Registers the CORS policy store and the snapshot the request path reads.</summary>
internal static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>CorsPolicies</c> settings (then <paramref name="configure"/>, validated at startup), one <see cref="TableClient"/> for the app,
    /// the <see cref="IPolicyStore"/>, the snapshot in force (<see cref="IPolicySnapshotSource"/>, <see cref="IPolicySnapshotReady"/>), its loader
    /// (<see cref="IPolicySnapshotRefresher"/>), the <see cref="PolicySnapshotRefresher"/> hosted service that schedules it,
    /// and the console relay of the background logs (the management API, a package of its own, adds its handlers itself).
    /// </summary>
    public static IServiceCollection AddCorsPolicies(this IServiceCollection services, Action<CorsPolicyOptions> configure)
    {
        services.AddOptions<CorsPolicyOptions>()
            .BindConfiguration(CorsPolicyOptions.SectionName)
            .Configure(configure)
            // After the app's own delegate: the host's storage is only the fallback when nothing else was chosen.
            .PostConfigure<IConfiguration>((options, configuration) => UseHostStorageWhenUnset(options, configuration[CorsPolicyOptions.HostStorageSetting]))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorsPolicyOptions>, CorsPolicyOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<CorsPolicyOptions>>().Value;
                return CreateServiceClient(options, clientOptions, CreateCredential(options));
            });
            clients.ConfigureDefaults(defaults => TableRetry.Apply(defaults.Retry));
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<TableServiceClient>()
            .GetTableClient(provider.GetRequiredService<IOptions<CorsPolicyOptions>>().Value.TableName));
        services.TryAddSingleton<IPolicyStore, TablePolicyStore>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CorsPolicyOptions>>().Value;
            return new Audit.PolicyAuditLog(provider.GetRequiredService<TableServiceClient>().GetTableClient(options.AuditTableName), options.PartitionKey,
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<Audit.PolicyAuditLog>>());
        });
        services.TryAddSingleton<PolicyWritePipeline>();

        services.TryAddSingleton<CurrentPolicySnapshot>();
        services.TryAddSingleton<IPolicySnapshotSource>(provider => provider.GetRequiredService<CurrentPolicySnapshot>());
        services.TryAddSingleton<IPolicySnapshotReady>(provider => provider.GetRequiredService<CurrentPolicySnapshot>());
        services.TryAddSingleton<PolicySnapshotMetrics>();
        services.TryAddSingleton<PolicySnapshotReporter>();
        services.TryAddSingleton<PolicyReloadSchedule>();
        services.TryAddSingleton<PolicySnapshotLoader>();
        services.TryAddSingleton<IPolicySnapshotRefresher>(provider => provider.GetRequiredService<PolicySnapshotLoader>());
        services.AddHostedService<PolicySnapshotRefresher>();
        services.AddHostConsoleLogs();
        return services;
    }

    /// <summary>Falls back to the host's storage connection string when neither store setting is given.</summary>
    internal static void UseHostStorageWhenUnset(CorsPolicyOptions options, string? hostStorage)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is null
            && hostStorage is not null && IsConnectionString(hostStorage))
        {
            options.ConnectionString = hostStorage;
        }
    }

    private static bool IsConnectionString(string value) =>
        value.Contains("UseDevelopmentStorage=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("AccountName=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("TableEndpoint=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The credential <paramref name="options"/> reach storage with: none with a connection string (it carries its own
    /// key or SAS), else <see cref="DefaultAzureCredential"/> (with the user-assigned identity it names, if any).
    /// </summary>
    internal static TokenCredential? CreateCredential(CorsPolicyOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            })
            : null;

    /// <summary>
    /// The service client for <paramref name="options"/>: its connection string when <paramref name="credential"/> is
    /// null, else its table service URI with that credential (see <see cref="CreateCredential"/>).
    /// </summary>
    internal static TableServiceClient CreateServiceClient(CorsPolicyOptions options, TableClientOptions clientOptions, TokenCredential? credential) =>
        credential is null
            ? new TableServiceClient(options.ConnectionString, clientOptions)
            : new TableServiceClient(options.TableServiceUri, credential, clientOptions);
}
