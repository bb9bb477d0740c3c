using Azure.Core;
using Azure.Data.Tables;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>One retry setting for every table call, the app's and the CLI's; the tests shorten only its waits.</summary>
public sealed class TableRetryTests
{
    private static void AssertProduction(RetryOptions retry, TimeSpan delay, TimeSpan maxDelay, TimeSpan networkTimeout)
    {
        Assert.Equal(RetryMode.Exponential, retry.Mode);
        Assert.Equal(3, retry.MaxRetries);
        Assert.Equal((delay, maxDelay, networkTimeout), (retry.Delay, retry.MaxDelay, retry.NetworkTimeout));
    }

    [Fact]
    public void Calls_are_tried_four_times_exponentially_from_500_ms_to_5_s_with_10_s_each()
    {
        AssertProduction(TableRetry.CreateOptions().Retry, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Shorter_waits_keep_the_mode_and_the_number_of_attempts()
    {
        var options = new TableClientOptions();

        TableRetry.Apply(options.Retry, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(3));

        AssertProduction(options.Retry, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(3));
    }

    [Fact]
    public void The_app_configures_its_table_client_with_them()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddCorsPolicies(options => options.ConnectionString = "UseDevelopmentStorage=true")
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptionsMonitor<TableClientOptions>>().Get("Default");

        AssertProduction(options.Retry, TableRetry.Delay, TableRetry.MaxDelay, TableRetry.NetworkTimeout);
    }
}
