using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CorsFunctions.Worker;

namespace CorsFunctions.Functions.Tests.Policies;

public sealed class CorsPolicyOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(CorsPolicyOptions options) => new CorsPolicyOptionsValidator().Validate(null, options);

    private static ServiceProvider Services(params (string Key, string Value)[] settings) => Services(static _ => { }, settings);

    private static ServiceProvider Services(Action<CorsPolicyOptions> configure, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCorsPolicies(configure).BuildServiceProvider();
    }

    [Fact]
    public void Defaults_with_a_connection_string_are_valid()
    {
        Assert.True(Validate(new CorsPolicyOptions { ConnectionString = "UseDevelopmentStorage=true" }).Succeeded);
    }

    [Fact]
    public void Service_uri_alone_is_valid()
    {
        Assert.True(Validate(new CorsPolicyOptions { TableServiceUri = new Uri("https://acct.table.core.windows.net") }).Succeeded);
    }

    [Fact]
    public void Every_bad_setting_is_listed_in_one_failure_naming_the_app_setting()
    {
        var result = Validate(new CorsPolicyOptions { TableName = "1bad-name", PartitionKey = "a/b", RefreshSeconds = 0 });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("CorsPolicies__TableServiceUri", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CorsPolicies__TableName", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CorsPolicies__PartitionKey", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CorsPolicies__RefreshSeconds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3601)]
    [InlineData(-1)]
    public void Refresh_interval_outside_1_to_3600_seconds_is_refused(int seconds)
    {
        Assert.True(Validate(new CorsPolicyOptions { ConnectionString = "UseDevelopmentStorage=true", RefreshSeconds = seconds }).Failed);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(1440, false)]
    [InlineData(1441, true)]
    public void Full_reload_interval_outside_1_to_1440_minutes_is_refused_naming_the_setting(int minutes, bool refused)
    {
        var result = Validate(new CorsPolicyOptions { ConnectionString = "UseDevelopmentStorage=true", FullReloadMinutes = minutes });

        Assert.Equal(refused, result.Failed);
        Assert.Equal(refused, result.Failures?.Any(f => f.Contains("CorsPolicies__FullReloadMinutes", StringComparison.Ordinal)) == true);
    }

    [Fact]
    public void Connection_string_and_service_uri_together_are_refused()
    {
        var result = Validate(new CorsPolicyOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TableServiceUri = new Uri("https://acct.table.core.windows.net"),
        });

        Assert.Contains("set only one", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://acct.table.core.windows.net")]
    [InlineData("http://acct.table.core.windows.net")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1")]
    public void A_service_uri_other_than_https_is_refused_as_the_message_says(string uri)
    {
        var failure = Assert.Single(Validate(new CorsPolicyOptions { TableServiceUri = new Uri(uri) }).Failures!);

        Assert.Contains("CorsPolicies__TableServiceUri must be an absolute https URI", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_service_uri_is_refused()
    {
        Assert.True(Validate(new CorsPolicyOptions { TableServiceUri = new Uri("acct.table.core.windows.net", UriKind.Relative) }).Failed);
    }

    [Fact]
    public void The_https_scheme_is_accepted_in_any_case()
    {
        Assert.True(Validate(new CorsPolicyOptions { TableServiceUri = new Uri("HTTPS://acct.table.core.windows.net") }).Succeeded);
    }

    [Fact]
    public void Settings_bind_from_the_CorsPolicies_section()
    {
        using var services = Services(("CorsPolicies:TableServiceUri", "https://acct.table.core.windows.net"), ("CorsPolicies:TableName", "Policies2"),
            ("CorsPolicies:PartitionKey", "shop"), ("CorsPolicies:RefreshSeconds", "5"), ("CorsPolicies:ManagedIdentityClientId", "abc"),
            ("CorsPolicies:FullReloadMinutes", "15"));

        var options = services.GetRequiredService<IOptions<CorsPolicyOptions>>().Value;

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), options.TableServiceUri);
        Assert.Equal(("Policies2", "shop", 5, "abc"), (options.TableName, options.PartitionKey, options.RefreshSeconds, options.ManagedIdentityClientId));
        Assert.Equal(15, options.FullReloadMinutes);
    }

    [Fact]
    public void Host_storage_connection_string_is_the_fallback()
    {
        using var services = Services(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        Assert.Equal("UseDevelopmentStorage=true", services.GetRequiredService<IOptions<CorsPolicyOptions>>().Value.ConnectionString);
    }

    [Fact]
    public void Host_storage_that_is_not_a_connection_string_is_not_used()
    {
        using var services = Services(("AzureWebJobsStorage", "mystorageaccount"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CorsPolicyOptions>>().Value);
        Assert.Contains("No policy store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_service_uri_wins_over_the_host_storage_fallback()
    {
        using var services = Services(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("CorsPolicies:TableServiceUri", "https://acct.table.core.windows.net"));

        var options = services.GetRequiredService<IOptions<CorsPolicyOptions>>().Value;

        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void The_apps_delegate_applies_over_configuration_and_before_the_host_storage_fallback()
    {
        using var services = Services(options => (options.TableServiceUri, options.RefreshSeconds) = (new Uri("https://acct.table.core.windows.net"), 7),
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("CorsPolicies:RefreshSeconds", "5"));

        var options = services.GetRequiredService<IOptions<CorsPolicyOptions>>().Value;

        Assert.Equal((null, 7), (options.ConnectionString, options.RefreshSeconds));
    }

    [Fact]
    public void Registration_resolves_one_snapshot_source_refresher_and_table_client()
    {
        using var services = Services(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("CorsPolicies:TableName", "Policies2"));

        var source = services.GetRequiredService<IPolicySnapshotSource>();

        Assert.Same(services.GetRequiredService<CurrentPolicySnapshot>(), source);
        Assert.Same(services.GetRequiredService<PolicySnapshotLoader>(), services.GetRequiredService<IPolicySnapshotRefresher>());
        Assert.Single(services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PolicySnapshotRefresher>());
        Assert.Equal("Policies2", services.GetRequiredService<Azure.Data.Tables.TableClient>().Name);
        Assert.False(source.Current.IsLoaded);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Audit-Log")]
    [InlineData("CorsPolicies")]
    [InlineData("corspolicies")]
    public void Audit_table_must_be_a_table_name_other_than_the_policy_table(string name)
    {
        var result = Validate(new CorsPolicyOptions { ConnectionString = "UseDevelopmentStorage=true", AuditTableName = name });

        Assert.True(result.Failed);
        Assert.Contains("CorsPolicies__AuditTableName", result.FailureMessage, StringComparison.Ordinal);
    }
}
