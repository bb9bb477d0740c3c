using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Functions.Tests.Diagnostics;

public sealed class HostRoutePrefixTests
{
    [Fact]
    public void Without_host_json_the_prefix_is_the_hosts_default()
    {
        Assert.Equal("api", HostRoutePrefix.Read(setting: null, hostJson: null));
    }

    [Theory]
    [InlineData("""{"version": "2.0"}""", "api")]
    [InlineData("""{"extensions": {"http": {"routePrefix": "v1"}}}""", "v1")]
    [InlineData("""{"extensions": {"http": {"routePrefix": "/v1/"}}}""", "v1")]
    [InlineData("""{"extensions": {"http": {"routePrefix": ""}}}""", "")]
    [InlineData("""{"Extensions": {"HTTP": {"RoutePrefix": "v2"}}}""", "v2")]
    [InlineData("{\n // comments are allowed\n \"extensions\": {\"http\": {\"routePrefix\": \"v3\",},},\n}", "v3")]
    [InlineData("""{"extensions": {"http": {"routePrefix": 5}}}""", "api")]
    [InlineData("{ broken", "api")]
    public void Host_json_sets_the_prefix(string hostJson, string expected)
    {
        Assert.Equal(expected, HostRoutePrefix.Read(setting: null, hostJson));
    }

    [Theory]
    [InlineData("edge", "edge")]
    [InlineData("", "")]
    public void The_app_setting_overrides_host_json(string setting, string expected)
    {
        Assert.Equal(expected, HostRoutePrefix.Read(setting, """{"extensions": {"http": {"routePrefix": "v1"}}}"""));
    }
}
