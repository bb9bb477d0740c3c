using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Functions.Tests.Diagnostics;

/// <summary>The host's IsAnyLinuxConsumption(), read from the variables the worker inherits.</summary>
public sealed class PreflightAnsweringPlanTests
{
    private static string? Detect(params (string Name, string Value)[] variables)
    {
        var set = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return PreflightAnsweringPlan.Detect(name => set.GetValueOrDefault(name));
    }

    [Fact]
    public void Flex_Consumption_is_named_by_its_sku() =>
        Assert.Equal("Flex Consumption", Detect(("WEBSITE_SKU", "FlexConsumption"), ("WEBSITE_INSTANCE_ID", "abc")));

    [Fact]
    public void The_sku_compares_case_insensitively() => Assert.Equal("Flex Consumption", Detect(("WEBSITE_SKU", "flexconsumption")));

    [Fact]
    public void Linux_Consumption_is_a_container_outside_App_Service_and_Legion() =>
        Assert.Equal("Linux Consumption", Detect(("CONTAINER_NAME", "c1")));

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID")] // App Service (Windows Consumption, Elastic Premium, Dedicated)
    [InlineData("LEGION_SERVICE_HOST")]
    [InlineData("MANAGED_ENVIRONMENT")] // a managed app environment (Container Apps)
    public void A_container_is_not_Linux_Consumption_when(string variable) => Assert.Null(Detect(("CONTAINER_NAME", "c1"), (variable, "x")));

    [Fact]
    public void A_managed_app_environment_overrides_the_Flex_sku() =>
        Assert.Null(Detect(("WEBSITE_SKU", "FlexConsumption"), ("MANAGED_ENVIRONMENT", "true")));

    [Theory]
    [InlineData("Dynamic")] // Windows Consumption
    [InlineData("ElasticPremium")]
    [InlineData("")]
    public void Other_plans_are_not_named(string sku) => Assert.Null(Detect(("WEBSITE_SKU", sku), ("WEBSITE_INSTANCE_ID", "abc")));

    [Fact]
    public void Nothing_set_is_not_such_a_plan() => Assert.Null(Detect());
}
