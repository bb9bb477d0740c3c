using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>The management settings, bound from the <c>CorsPolicies</c> section as before the package split, and checked at start-up.</summary>
public sealed class CorsManagementOptionsValidatorTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary>Validates as in an app that called UseCorsPolicies (the base's services are registered).</summary>
    private static ValidateOptionsResult Validate(CorsManagementOptions options) =>
        new CorsManagementOptionsValidator(Mock.Of<IServiceProviderIsService>(s => s.IsService(It.IsAny<Type>()))).Validate(null, options);

    private static ServiceProvider Services(bool useCorsPolicies, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        if (useCorsPolicies)
        {
            services.AddCorsPolicies(static options => options.ConnectionString = "UseDevelopmentStorage=true");
        }

        return services.AddCorsPoliciesManagement().BuildServiceProvider();
    }

    [Fact]
    public void The_api_is_off_by_default_and_writes_need_the_admin_key_alone()
    {
        using var services = Services(useCorsPolicies: true);

        var options = services.GetRequiredService<IOptions<CorsManagementOptions>>().Value;

        Assert.Equal((false, CorsManagementAuthorization.AdminKey, (string?)null), (options.EnableManagementApi, options.ManagementAuthorization, options.ManagementTenantId));
    }

    [Fact]
    public void The_settings_keep_their_CorsPolicies_names_and_bind_entra_app_role_by_name()
    {
        using var services = Services(true, ("CorsPolicies:EnableManagementApi", "true"), ("CorsPolicies:ManagementAuthorization", "EntraAppRole"),
            ("CorsPolicies:ManagementTenantId", Tenant));

        var bound = services.GetRequiredService<IOptions<CorsManagementOptions>>().Value;

        Assert.Equal((true, CorsManagementAuthorization.EntraAppRole, Tenant), (bound.EnableManagementApi, bound.ManagementAuthorization, bound.ManagementTenantId));
    }

    [Fact]
    public void Referenced_without_UseCorsPolicies_the_app_fails_at_start_up_saying_which_line_is_missing()
    {
        using var services = Services(useCorsPolicies: false, ("CorsPolicies:EnableManagementApi", "true"));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CorsManagementOptions>>().Value);

        Assert.Contains("does not call builder.UseCorsPolicies()", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Entra_app_role_mode_without_a_tenant_is_refused_at_start_up(string? tenant)
    {
        var result = Validate(new CorsManagementOptions { ManagementAuthorization = CorsManagementAuthorization.EntraAppRole, ManagementTenantId = tenant });

        Assert.True(result.Failed);
        Assert.Contains("CorsPolicies__ManagementTenantId is required with CorsPolicies__ManagementAuthorization=EntraAppRole", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CorsManagementAuthorization.EntraAppRole)]
    [InlineData(CorsManagementAuthorization.AdminKey)]
    public void A_tenant_that_is_not_a_guid_is_refused_in_either_mode(CorsManagementAuthorization mode)
    {
        var result = Validate(new CorsManagementOptions { ManagementAuthorization = mode, ManagementTenantId = "contoso.onmicrosoft.com" });

        Assert.True(result.Failed);
        Assert.Contains("CorsPolicies__ManagementTenantId 'contoso.onmicrosoft.com' must be the Entra ID tenant id, a GUID", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CorsManagementAuthorization.EntraAppRole, Tenant)]
    [InlineData(CorsManagementAuthorization.AdminKey, null)]
    [InlineData(CorsManagementAuthorization.AdminKey, Tenant)]
    public void A_guid_tenant_or_no_tenant_in_admin_key_mode_is_valid(CorsManagementAuthorization mode, string? tenant)
    {
        Assert.True(Validate(new CorsManagementOptions { ManagementAuthorization = mode, ManagementTenantId = tenant }).Succeeded);
    }

    [Fact]
    public void An_undefined_management_authorization_is_refused()
    {
        var result = Validate(new CorsManagementOptions { ManagementAuthorization = (CorsManagementAuthorization)7 });

        Assert.Contains("CorsPolicies__ManagementAuthorization", result.FailureMessage, StringComparison.Ordinal);
    }
}
