using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Tests.Origins;

public class OriginSyntaxTests
{
    [Theory]
    [InlineData("https://a.com", true, "a.com", 443, "https://a.com")]
    [InlineData("http://a.com", false, "a.com", 80, "http://a.com")]
    [InlineData("http://localhost:5173", false, "localhost", 5173, "http://localhost:5173")]
    [InlineData("https://a.com:443", true, "a.com", 443, "https://a.com")]
    [InlineData("http://a.com:80", false, "a.com", 80, "http://a.com")]
    [InlineData("https://a.com:80", true, "a.com", 80, "https://a.com:80")]
    [InlineData("HTTPS://A.Com:443", true, "A.Com", 443, "HTTPS://A.Com")]
    [InlineData("https://[::1]:8443", true, "[::1]", 8443, "https://[::1]:8443")]
    [InlineData("https://[::1]:443", true, "[::1]", 443, "https://[::1]")]
    [InlineData("http://127.0.0.1:65535", false, "127.0.0.1", 65535, "http://127.0.0.1:65535")]
    [InlineData("https://xn--bcher-kva.example", true, "xn--bcher-kva.example", 443, "https://xn--bcher-kva.example")]
    [InlineData("https://a_b.example.com", true, "a_b.example.com", 443, "https://a_b.example.com")] // browsers keep '_' in hosts
    [InlineData("https://[::]:8443", true, "[::]", 8443, "https://[::]:8443")] // the shortest IPv6 literal
    [InlineData("https://a.com.", true, "a.com.", 443, "https://a.com.")] // browsers keep the trailing dot
    [InlineData("https://a.com.:443", true, "a.com.", 443, "https://a.com.")]
    [InlineData("https://axn--zz.x-n--zz.example", true, "axn--zz.x-n--zz.example", 443, "https://axn--zz.x-n--zz.example")] // no ACE prefix
    public void A_serialized_origin_is_split_into_scheme_host_and_effective_port(string text, bool isHttps, string host, int port, string withoutDefaultPort)
    {
        Assert.Equal(OriginSyntaxError.None, OriginSyntax.TryParse(text, allowWildcard: false, out var origin));
        Assert.Equal(isHttps, origin.IsHttps);
        Assert.Equal(host, origin.Host.ToString());
        Assert.Equal(port, origin.Port);
        Assert.False(origin.IsWildcard);
        Assert.Equal(withoutDefaultPort, origin.WithoutDefaultPort.ToString());
    }

    [Theory]
    [InlineData("", nameof(OriginSyntaxError.Empty))]
    [InlineData(" https://a.com", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://a.com ", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://a.com\r\nSet-Cookie: x=1", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://a.com\n", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://a.com\0", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://a.com\t", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://a.com\u007f", nameof(OriginSyntaxError.WhitespaceOrControl))]
    [InlineData("https://b\u00fccher.de", nameof(OriginSyntaxError.NonAscii))]
    [InlineData("https://a.com\u2028", nameof(OriginSyntaxError.NonAscii))]
    [InlineData("a.com", nameof(OriginSyntaxError.NotAnOrigin))]
    [InlineData("://a.com", nameof(OriginSyntaxError.NotAnOrigin))]
    [InlineData("https:a.com", nameof(OriginSyntaxError.NotAnOrigin))]
    [InlineData("ftp://a.com", nameof(OriginSyntaxError.UnsupportedScheme))]
    [InlineData("wss://a.com", nameof(OriginSyntaxError.UnsupportedScheme))]
    [InlineData("file://a.com", nameof(OriginSyntaxError.UnsupportedScheme))]
    [InlineData("https://user@a.com", nameof(OriginSyntaxError.UserInfo))]
    [InlineData("https://user:pw@a.com", nameof(OriginSyntaxError.UserInfo))]
    [InlineData("https://a.com/", nameof(OriginSyntaxError.TrailingSlash))]
    [InlineData("https://a.com/path", nameof(OriginSyntaxError.Path))]
    [InlineData("https://a.com?x=1", nameof(OriginSyntaxError.Query))]
    [InlineData("https://a.com#top", nameof(OriginSyntaxError.Fragment))]
    [InlineData("https://", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://:443", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://a..com", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://.a.com", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://a.com..", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://.", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://a%2eb.com", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://[::1", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://[::1]x", nameof(OriginSyntaxError.InvalidHost))]
    [InlineData("https://[1.2.3.4]", nameof(OriginSyntaxError.InvalidIPv6))]
    [InlineData("https://[zz::1]", nameof(OriginSyntaxError.InvalidIPv6))]
    [InlineData("https://[]", nameof(OriginSyntaxError.InvalidIPv6))]
    [InlineData("https://[0::1]", nameof(OriginSyntaxError.IPv6NotCanonical))]
    [InlineData("https://127.0.0.256", nameof(OriginSyntaxError.InvalidIPv4))]
    [InlineData("https://127.1", nameof(OriginSyntaxError.IPv4NotCanonical))]
    [InlineData("https://xn--zz.com", nameof(OriginSyntaxError.InvalidPunycode))]
    [InlineData("https://a.XN--ZZ.com", nameof(OriginSyntaxError.InvalidPunycode))]
    [InlineData("https://axn--zz.xn--bcher-kva.xn--zz", nameof(OriginSyntaxError.InvalidPunycode))]
    [InlineData("https://a.b.c.d.e.f.g.h." + "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.com", nameof(OriginSyntaxError.InvalidHost))] // 64
    [InlineData("https://a.com:", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://a.com:0", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://a.com:65536", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://a.com:100000", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://a.com:-1", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://a.com:8o", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://a.com:000443", nameof(OriginSyntaxError.InvalidPort))] // at most five digits, even when the value is a port
    [InlineData("https://a.com:99999999999", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://@a.com", nameof(OriginSyntaxError.UserInfo))]
    [InlineData("https:///", nameof(OriginSyntaxError.TrailingSlash))]
    [InlineData("https:///a.com", nameof(OriginSyntaxError.Path))]
    [InlineData("https://?a", nameof(OriginSyntaxError.Query))]
    [InlineData("https://a~b.com", nameof(OriginSyntaxError.InvalidHost))] // '~' is printable: a bad host, not a control character
    [InlineData("https://a.com:443:443", nameof(OriginSyntaxError.InvalidPort))]
    [InlineData("https://*.example.com", nameof(OriginSyntaxError.MisplacedWildcard))]
    [InlineData("https://a.*.com", nameof(OriginSyntaxError.MisplacedWildcard))]
    [InlineData("https://*", nameof(OriginSyntaxError.MisplacedWildcard))]
    public void Text_that_is_not_a_serialized_origin_is_refused_with_its_reason(string text, string expected) =>
        Assert.Equal(expected, OriginSyntax.TryParse(text, allowWildcard: false, out _).ToString());

    [Fact]
    public void Host_and_label_lengths_are_bounded_as_in_DNS()
    {
        var longLabel = new string('a', 64);
        var longHost = string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".com";

        Assert.Equal(OriginSyntaxError.None, OriginSyntax.TryParse($"https://{longLabel[1..]}.com", false, out _));
        Assert.Equal(OriginSyntaxError.InvalidHost, OriginSyntax.TryParse($"https://{longLabel}.com", false, out _));
        Assert.Equal(OriginSyntaxError.InvalidHost, OriginSyntax.TryParse($"https://{longHost}", false, out _));
    }

    /// <summary>The label-length check searches windows, not labels: every layout of lengths agrees with a plain split.</summary>
    [Fact]
    public void Label_lengths_are_checked_for_any_layout_of_labels()
    {
        var random = new Random(23);
        for (var i = 0; i < 5_000; i++)
        {
            var lengths = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(10) == 0 ? random.Next(55, 70) : random.Next(1, 8)).ToArray();
            var host = string.Join('.', lengths.Select(length => new string('a', length)));
            var expected = host.Length <= 253 && lengths.All(length => length <= 63) ? OriginSyntaxError.None : OriginSyntaxError.InvalidHost;

            Assert.True(expected == OriginSyntax.TryParse($"https://{host}", false, out _), string.Join(',', lengths));
        }
    }

    [Theory]
    [InlineData("https://*.example.com", "example.com", 443)]
    [InlineData("http://*.example.com:8080", "example.com", 8080)]
    [InlineData("https://*.a.b.example.com", "a.b.example.com", 443)]
    public void PolicyRule07_a_wildcard_left_most_label_is_accepted_in_policies(string text, string suffix, int port)
    {
        Assert.Equal(OriginSyntaxError.None, OriginSyntax.TryParse(text, allowWildcard: true, out var origin));
        Assert.True(origin.IsWildcard);
        Assert.Equal(suffix, origin.Host.ToString());
        Assert.Equal(port, origin.Port);
    }

    [Theory]
    [InlineData("https://a.*.com")]
    [InlineData("https://*foo.com")]
    [InlineData("https://foo*.com")]
    [InlineData("https://*.*.example.com")]
    [InlineData("https://**.example.com")]
    [InlineData("https://*")]
    public void PolicyRule07_a_wildcard_anywhere_but_the_whole_left_most_label_is_refused(string text) =>
        Assert.Equal(OriginSyntaxError.MisplacedWildcard, OriginSyntax.TryParse(text, allowWildcard: true, out _));

    [Theory]
    [InlineData("http://localhost", true)]
    [InlineData("http://LOCALHOST:3000", true)]
    [InlineData("http://app.localhost", true)]
    [InlineData("http://127.0.0.1", true)]
    [InlineData("http://127.1.2.3:8080", true)]
    [InlineData("http://127.0.0.255", true)]
    [InlineData("http://127.255.255.255", true)]
    [InlineData("http://[::1]", true)]
    [InlineData("http://localhost.example.com", false)]
    [InlineData("http://mylocalhost", false)]
    [InlineData("http://127.example.com", false)]
    [InlineData("http://localhost.", true)]
    [InlineData("http://app.localhost.:3000", true)]
    [InlineData("http://localhost.example.com.", false)]
    [InlineData("http://10.0.0.1", false)]
    [InlineData("http://[::2]", false)]
    public void Loopback_hosts_are_localhost_127_0_0_0_slash_8_and_ipv6_one(string text, bool isLoopback)
    {
        Assert.Equal(OriginSyntaxError.None, OriginSyntax.TryParse(text, allowWildcard: false, out var origin));
        Assert.Equal(isLoopback, origin.IsLoopback);
    }

    /// <summary>Spellings of 127.x that no browser sends never reach the loopback question: the parser refuses them.</summary>
    [Theory]
    [InlineData("http://127.0.0.256", nameof(OriginSyntaxError.InvalidIPv4))]
    [InlineData("http://127.-1.0.1", nameof(OriginSyntaxError.InvalidIPv4))]
    [InlineData("http://127.-0.0.1", nameof(OriginSyntaxError.InvalidIPv4))]
    [InlineData("http://127.0.0.1.1", nameof(OriginSyntaxError.InvalidIPv4))]
    [InlineData("http://127.01.0.1", nameof(OriginSyntaxError.IPv4NotCanonical))]
    [InlineData("http://127.0.0.001", nameof(OriginSyntaxError.IPv4NotCanonical))]
    [InlineData("http://127.0.0", nameof(OriginSyntaxError.IPv4NotCanonical))]
    public void A_loopback_address_no_browser_sends_is_refused_by_the_parser(string text, string expected) =>
        Assert.Equal(expected, OriginSyntax.TryParse(text, allowWildcard: false, out _).ToString());

    [Theory]
    [InlineData("https://a.com", true)]
    [InlineData("http://localhost:5173", true)]
    [InlineData("https://a.com:80", true)]
    [InlineData("http://a.com:443", true)]
    [InlineData("https://[::1]:8443", true)]
    [InlineData("https://a_b.example.com:1", true)]
    [InlineData("https://a.com:9", true)]
    [InlineData("https://a.com:10", true)]
    [InlineData("https://a.com:99", true)]
    [InlineData("https://a.com:100", true)]
    [InlineData("https://a.com:999", true)]
    [InlineData("https://a.com:1000", true)]
    [InlineData("https://a.com:9999", true)]
    [InlineData("https://a.com:10000", true)]
    [InlineData("https://a.com:65535", true)]
    [InlineData("HTTPS://a.com", false)]
    [InlineData("Http://a.com", false)]
    [InlineData("https://A.com", false)]
    [InlineData("https://[::A]", false)]
    [InlineData("https://a.com:443", false)]
    [InlineData("http://a.com:80", false)]
    [InlineData("https://a.com:0443", false)]
    [InlineData("https://a.com:08443", false)]
    public void Only_the_spelling_browsers_serialize_is_canonical(string text, bool canonical)
    {
        Assert.Equal(OriginSyntaxError.None, OriginSyntax.TryParse(text, allowWildcard: false, out var origin));

        Assert.Equal(canonical, OriginSyntax.IsCanonical(text, origin));
    }
}
