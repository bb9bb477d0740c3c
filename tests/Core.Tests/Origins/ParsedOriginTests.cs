using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

/// <summary>The dotted-quad rule on its own, including shapes OriginSyntax refuses before it is ever asked.</summary>
public class ParsedOriginTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("127.0..1", false)]
    [InlineData("127.0.0.", false)]
    [InlineData("127.0.0.1000", false)]
    [InlineData("127.0.0.256", false)]
    [InlineData("127.0.0.+1", false)]
    [InlineData("127.0.0.01", false)]
    [InlineData("", false)]
    public void An_IPv4_address_is_four_plain_decimal_bytes(string host, bool isIPv4) =>
        Assert.Equal(isIPv4, ParsedOrigin.IsIPv4(host));
}
