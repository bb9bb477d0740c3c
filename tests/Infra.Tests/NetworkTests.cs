using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>
/// policyStorageNetwork: the policy store on its public endpoint (Entra ID only), or, on Elastic Premium and Dedicated
/// plans, reachable only through a private endpoint in a network the app integrates with.
/// </summary>
public sealed class NetworkTests
{
    private const string PrivateEndpointType = "Microsoft.Network/privateEndpoints";

    public static TheoryData<string> PublicScenarios => Scenario.Names(s => !s.PrivateEndpoint);

    public static TheoryData<string> PrivateScenarios => Scenario.Names(s => s.PrivateEndpoint);

    [Theory]
    [MemberData(nameof(PrivateScenarios))]
    public void Private_policy_store_refuses_public_network_access(string scenario)
    {
        var properties = Snapshot.Load(scenario).PolicyStorageAccount["properties"];

        Assert.Equal("Disabled", properties.Str("publicNetworkAccess"));
        Assert.Equal("Deny", properties?["networkAcls"].Str("defaultAction"));
        Assert.Equal("None", properties?["networkAcls"].Str("bypass"));
    }

    [Theory]
    [MemberData(nameof(PrivateScenarios))]
    public void Private_endpoint_serves_the_table_service_of_the_policy_store_in_its_own_subnet(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var endpoint = snapshot.Single(PrivateEndpointType)["properties"];
        var connection = Assert.Single(endpoint?["privateLinkServiceConnections"]?.AsArray() ?? []);
        var vnet = snapshot.Single("Microsoft.Network/virtualNetworks");

        Assert.Equal(snapshot.PolicyStorageAccount.Str("id"), connection?["properties"].Str("privateLinkServiceId"));
        Assert.Equal(["table"], connection?["properties"]?["groupIds"]?.AsArray().Select(g => g?.GetValue<string>()));
        Assert.Equal($"{vnet.Str("id")}/subnets/private-endpoints", endpoint?["subnet"].Str("id"));
    }

    [Theory]
    [MemberData(nameof(PrivateScenarios))]
    public void Table_endpoint_resolves_to_the_private_endpoint_inside_the_network(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var zone = snapshot.Single("Microsoft.Network/privateDnsZones");
        var link = snapshot.Single("Microsoft.Network/privateDnsZones/virtualNetworkLinks");
        var group = snapshot.Single("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")["properties"];
        var config = Assert.Single(group?["privateDnsZoneConfigs"]?.AsArray() ?? []);

        Assert.Equal("[format('privatelink.table.{0}', environment().suffixes.storage)]", zone.Str("name"));
        Assert.Equal(zone.Str("id"), config?["properties"].Str("privateDnsZoneId"));
        Assert.Equal(snapshot.Single("Microsoft.Network/virtualNetworks").Str("id"), link["properties"]?["virtualNetwork"].Str("id"));
        Assert.False(link["properties"].Bool("registrationEnabled"));
    }

    [Theory]
    [MemberData(nameof(PrivateScenarios))]
    public void App_sends_all_outbound_traffic_through_its_delegated_subnet(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var vnet = snapshot.Single("Microsoft.Network/virtualNetworks");
        var appSubnet = vnet["properties"]?["subnets"]?.AsArray().Single(s => s.Str("name") == "app");

        Assert.Equal($"{vnet.Str("id")}/subnets/app", snapshot.Site["properties"].Str("virtualNetworkSubnetId"));
        Assert.True(snapshot.Site["properties"]?["siteConfig"].Bool("vnetRouteAllEnabled"));
        Assert.Equal("Microsoft.Web/serverFarms", appSubnet?["properties"]?["delegations"]?[0]?["properties"].Str("serviceName"));
    }

    [Theory]
    [MemberData(nameof(PublicScenarios))]
    public void Public_policy_store_has_no_network_resources_and_the_app_no_integration(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);

        Assert.Equal("Enabled", snapshot.PolicyStorageAccount["properties"].Str("publicNetworkAccess"));
        Assert.Empty(snapshot.OfType(PrivateEndpointType));
        Assert.Empty(snapshot.OfType("Microsoft.Network/virtualNetworks"));
        Assert.Null(snapshot.Site["properties"].Str("virtualNetworkSubnetId"));
        Assert.False(snapshot.Site["properties"]?["siteConfig"].Bool("vnetRouteAllEnabled"));
    }

    [Fact]
    public void Windows_consumption_cannot_put_the_policy_store_behind_a_private_endpoint_and_is_told_why()
    {
        var (exitCode, output) = BicepCli.Snapshot("param hostingPlan = 'Y1'\nparam policyStorageNetwork = 'privateEndpoint'");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Windows Consumption (Y1) does not have", output, StringComparison.Ordinal);
        Assert.Contains("Elastic Premium (EP1-EP3) or Dedicated", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EP3")]
    [InlineData("S1")]
    public void Premium_and_dedicated_plans_can_put_the_policy_store_behind_a_private_endpoint(string plan)
    {
        var (exitCode, output) = BicepCli.Snapshot($"param hostingPlan = '{plan}'\nparam policyStorageNetwork = 'privateEndpoint'");

        Assert.True(exitCode == 0, output);
    }
}
