using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

/// <summary>The URL standard's IPv4 host parser and serializer.</summary>
public class IPv4HostTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("127.0.1", "127.0.0.1")]
    [InlineData("127.000.000.001", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0x7f.0.0.1", "127.0.0.1")]
    [InlineData("0X7F.0.0.1", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("127.0.0.1.", "127.0.0.1")]
    [InlineData("0x", "0.0.0.0")]
    [InlineData("0", "0.0.0.0")]
    [InlineData("4294967295", "255.255.255.255")]
    [InlineData("1.16777215", "1.255.255.255")]
    [InlineData("1.2.65535", "1.2.255.255")]
    public void An_address_in_any_spelling_parses_to_its_dotted_quad(string host, string serialized)
    {
        Assert.True(IPv4Host.TryParse(host, out var address));
        Assert.Equal(serialized, IPv4Host.Serialize(address));
    }

    [Theory]
    [InlineData("127.0.0.256")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("4294967296")]
    [InlineData("99999999999999999999")]
    [InlineData("1.16777216")]
    [InlineData("1.2.65536")]
    [InlineData("09.0.0.1")]
    [InlineData("0xg.0.0.1")]
    [InlineData("1..2")]
    [InlineData("a.1")]
    [InlineData("")]
    public void A_number_host_that_is_no_address_fails(string host) =>
        Assert.False(IPv4Host.TryParse(host, out _));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("example.1", true)]
    [InlineData("example.0x1f", true)]
    [InlineData("example.0x", true)]
    [InlineData("example.09", true)]
    [InlineData("1.2.3.4.", true)]
    [InlineData("example.com", false)]
    [InlineData("example.1a", false)]
    [InlineData("1.example", false)]
    [InlineData(".", false)]
    public void A_host_ends_in_a_number_when_its_last_label_is_one(string host, bool endsInANumber) =>
        Assert.Equal(endsInANumber, IPv4Host.EndsInANumber(host));
}
