using CorsFunctions.App.Diagnostics;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.App.Diagnostics;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_connection_string_Application_Insights_is_not_registered(string? connectionString)
    {
        var services = new ServiceCollection().AddApplicationInsightsWhenConfigured(Configuration(connectionString));

        Assert.Empty(services);
    }

    [Fact]
    public async Task With_a_connection_string_the_telemetry_client_is_registered()
    {
        await using var provider = HostLikeServices().BuildServiceProvider();

        Assert.NotNull(provider.GetService<TelemetryClient>());
    }

    [Fact]
    public async Task With_a_connection_string_information_logs_are_not_cut_to_warnings()
    {
        await using var provider = HostLikeServices().BuildServiceProvider();

        var rules = provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;

        Assert.DoesNotContain(rules, rule => rule.ProviderName?.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal) == true
            && rule.LogLevel == LogLevel.Warning);
    }

    // What the Functions host builder provides before Program.cs adds anything.
    private static IServiceCollection HostLikeServices()
    {
        var configuration = Configuration(ConnectionString);
        return new ServiceCollection().AddLogging().AddSingleton(configuration)
            .AddApplicationInsightsWhenConfigured(configuration);
    }

    private static IConfiguration Configuration(string? connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = connectionString })
        .Build();
}
