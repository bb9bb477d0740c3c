using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.App.Diagnostics;

/// <summary>Application Insights for the worker, wired only where a connection string says where to send it.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app setting Azure sets when the app is linked to Application Insights.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    // The SDK adds this provider's rule that keeps only warnings; the levels of host.json should apply instead.
    private const string ApplicationInsightsLoggerProvider =
        "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Adds the Application Insights worker service and the Functions integration when
    /// <see cref="ConnectionStringSetting"/> is set; without it adds nothing, so a local run sends nothing anywhere.
    /// </summary>
    public static IServiceCollection AddApplicationInsightsWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            return services;
        }

        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLoggerProvider);
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        return services;
    }
}
