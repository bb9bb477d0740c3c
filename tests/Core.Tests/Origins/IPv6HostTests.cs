using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

/// <summary>The URL standard's IPv6 parser and serializer (the text between the brackets).</summary>
public class IPv6HostTests
{
    [Theory]
    [InlineData("::1", "::1")]
    [InlineData("0:0:0:0:0:0:0:1", "::1")]
    [InlineData("::0001", "::1")]
    [InlineData("::", "::")]
    [InlineData("1::", "1::")]
    [InlineData("::ffff:127.0.0.1", "::ffff:7f00:1")]
    [InlineData("::127.0.0.1", "::7f00:1")]
    [InlineData("2001:db8:0:0:1::1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")]
    [InlineData("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7")]
    [InlineData("FFFF:ABCD::", "ffff:abcd::")]
    [InlineData("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304")]
    [InlineData("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8")]
    public void An_address_serializes_as_browsers_write_it(string text, string serialized)
    {
        Span<ushort> address = stackalloc ushort[8];
        Assert.True(IPv6Host.TryParse(text, address));

        Span<char> buffer = stackalloc char[IPv6Host.MaxSerializedLength];
        Assert.Equal(serialized, new string(buffer[..IPv6Host.Serialize(address, buffer)]));
    }

    [Theory]
    [InlineData(":::1")]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("12345::")]
    [InlineData("::g")]
    [InlineData("::1.2.3")]
    [InlineData("::1.2.3.4.5")]
    [InlineData("::1.2.3.256")]
    [InlineData("::01.2.3.4")]
    [InlineData("::.1.2.3")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")]
    [InlineData("::1.2.3.4x")]
    [InlineData("")]
    public void A_text_no_browser_parses_as_ipv6_fails(string text)
    {
        Span<ushort> address = stackalloc ushort[8];
        Assert.False(IPv6Host.TryParse(text, address));
    }
}
