using CorsFunctions.Core.Http;
using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Http;

public class ForbiddenRequestHeadersTests
{
    /// <summary>
    /// Fetch's forbidden request-header names, written out here independently of the code under test,
    /// plus Access-Control-Request-Private-Network (Private Network Access). Every one is checked by name.
    /// </summary>
    public static TheoryData<string> FetchForbiddenNames { get; } =
    [
        "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
        "Access-Control-Request-Private-Network", "Connection", "Content-Length", "Cookie", "Cookie2", "Date",
        "DNT", "Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Via",
    ];

    [Theory]
    [MemberData(nameof(FetchForbiddenNames))]
    public void Every_forbidden_name_of_the_Fetch_list_is_forbidden_in_any_case(string name)
    {
        Assert.True(ForbiddenRequestHeaders.Contains(name));
        Assert.True(ForbiddenRequestHeaders.Contains(name.ToLowerInvariant()));
        Assert.True(ForbiddenRequestHeaders.Contains(name.ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(FetchForbiddenNames))]
    public void PolicyRule10_every_forbidden_name_of_the_Fetch_list_is_refused_in_a_policy(string name) =>
        AssertRefused(Valid with { AllowedHeaders = ["X-Ok", name] }, nameof(CorsPolicyDefinition.AllowedHeaders), name);

    [Theory]
    [InlineData("Sec-Fetch-Mode")]
    [InlineData("sec-ch-ua")]
    [InlineData("SEC-")]
    [InlineData("Proxy-Authorization")]
    [InlineData("proxy-connection")]
    [InlineData("PROXY-")]
    public void Names_starting_with_Proxy_or_Sec_are_forbidden(string name) =>
        Assert.True(ForbiddenRequestHeaders.Contains(name));

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Content-Type")]
    [InlineData("X-Auth-Token")]
    [InlineData("Secret")]
    [InlineData("Proxyish")]
    [InlineData("X-Sec-")]
    [InlineData("X-Proxy-")]
    [InlineData("Cookies")]
    [InlineData("X-Host")]
    public void Headers_a_page_may_set_are_not_forbidden(string name) =>
        Assert.False(ForbiddenRequestHeaders.Contains(name));
}
