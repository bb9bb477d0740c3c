using Azure.Monitor.OpenTelemetry.Exporter;
using CorsFunctions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace CorsFunctions.App.Diagnostics;

/// <summary>
/// OpenTelemetry for the worker, the way the isolated worker supports it (<c>UseFunctionsWorkerDefaults</c>): metrics of
/// the CorsFunctions meter, the invocation traces (which carry the CORS decision), and every log. Exported to Azure
/// Monitor when <see cref="AzureMonitorSetting"/> is set and over OTLP when <see cref="OtlpEndpointSetting"/> is set;
/// with neither, nothing is registered and a local run sends nothing anywhere.
/// </summary>
internal static class OpenTelemetryServiceCollectionExtensions
{
    /// <summary>The app setting Azure sets when the app is linked to Application Insights.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The standard OpenTelemetry setting of an OTLP collector (e.g. <c>http://localhost:4317</c>).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Adds the exporters the configuration asks for (see the type's summary).</summary>
    public static IServiceCollection AddOpenTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureMonitor = configuration[AzureMonitorSetting];
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        if (string.IsNullOrWhiteSpace(azureMonitor) && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(CorsFunctionsTelemetry.MeterName))
            .WithLogging(configureBuilder: null, configureOptions: logs => logs.IncludeFormattedMessage = true);
        if (!string.IsNullOrWhiteSpace(azureMonitor))
        {
            var credential = AzureMonitorCredential.FromAuthenticationString(configuration[AzureMonitorCredential.AuthenticationSetting]);
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = azureMonitor;
                exporter.Credential = credential;
            });
        }

        if (otlp)
        {
            // Reads OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL / _HEADERS itself, as every OpenTelemetry SDK does.
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
