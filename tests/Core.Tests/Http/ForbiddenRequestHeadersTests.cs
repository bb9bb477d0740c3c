using CorsFunctions.Core.Http;

namespace CorsFunctions.Core.Tests.Http;

public class ForbiddenRequestHeadersTests
{
    [Theory]
    [InlineData("Cookie")]
    [InlineData("cookie")]
    [InlineData("Host")]
    [InlineData("Content-Length")]
    [InlineData("Origin")]
    [InlineData("Sec-Fetch-Mode")]
    [InlineData("sec-ch-ua")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Access-Control-Request-Method")]
    public void Headers_a_page_can_never_set_are_forbidden(string name) =>
        Assert.True(ForbiddenRequestHeaders.Contains(name));

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Content-Type")]
    [InlineData("X-Auth-Token")]
    [InlineData("Secret")]
    [InlineData("Proxyish")]
    public void Headers_a_page_may_set_are_not_forbidden(string name) =>
        Assert.False(ForbiddenRequestHeaders.Contains(name));
}
