using System.Diagnostics;
using System.Diagnostics.Metrics;
using CorsFunctions.App.Diagnostics;
using CorsFunctions.Functions.Tests.Diagnostics;
using CorsFunctions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CorsFunctions.Functions.Tests.App.Diagnostics;

[Collection(OpenTelemetryExportTestGroup.Name)]
public sealed class OpenTelemetryServiceCollectionExtensionsTests
{
    private const string AzureMonitor = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_an_exporter_setting_nothing_is_registered(string? value)
    {
        var services = new ServiceCollection().AddOpenTelemetryExport(Configuration(
            (OpenTelemetryServiceCollectionExtensions.AzureMonitorSetting, value), (OpenTelemetryServiceCollectionExtensions.OtlpEndpointSetting, value)));

        Assert.Empty(services);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_CorsFunctions_meter_and_the_worker_invocations_are_collected()
    {
        await using var provider = Services((OpenTelemetryServiceCollectionExtensions.OtlpEndpointSetting, "http://127.0.0.1:9")).BuildServiceProvider();
        _ = provider.GetRequiredService<MeterProvider>();
        _ = provider.GetRequiredService<TracerProvider>();

        using var meter = new Meter(CorsFunctionsTelemetry.MeterName);
        var decisions = meter.CreateCounter<long>("probe");
        using var invocations = new ActivitySource("Microsoft.Azure.Functions.Worker");
        using var invocation = invocations.StartActivity("Invoke");

        Assert.True(decisions.Enabled); // a MeterProvider listens to the meter
        Assert.NotNull(invocation); // a TracerProvider samples the worker's invocation activities
        Assert.DoesNotContain(Descriptors(provider), name => name.StartsWith("Azure.Monitor", StringComparison.Ordinal));
    }

    [Fact]
    public void With_an_Application_Insights_connection_string_the_Azure_Monitor_exporter_is_added()
    {
        var services = Services((OpenTelemetryServiceCollectionExtensions.AzureMonitorSetting, AzureMonitor));

        Assert.Contains(services, d => AssemblyOf(d).StartsWith("Azure.Monitor.OpenTelemetry.Exporter", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Descriptors(IServiceProvider provider) =>
        provider.GetRequiredService<IServiceCollectionProbe>().Services.Select(AssemblyOf);

    private static string AssemblyOf(ServiceDescriptor descriptor) =>
        (descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType() ?? descriptor.ServiceType).Assembly.GetName().Name ?? "";

    private static IServiceCollection Services(params (string Name, string? Value)[] settings)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);
        services.AddOpenTelemetryExport(configuration);
        services.AddSingleton<IServiceCollectionProbe>(new ServiceCollectionProbe(services));
        return services;
    }

    private static IConfiguration Configuration(params (string Name, string? Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Name, s.Value)))
        .Build();

    private interface IServiceCollectionProbe
    {
        IServiceCollection Services { get; }
    }

    private sealed record ServiceCollectionProbe(IServiceCollection Services) : IServiceCollectionProbe;
}
