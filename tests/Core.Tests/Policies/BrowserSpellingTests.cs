using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>
/// Issue 23.1: entries no browser can send are refused, each with its code and, where there is one, the spelling a
/// browser sends (the WHATWG URL standard's host serialization); the same parser refuses such spellings in a request.
/// </summary>
public class BrowserSpellingTests
{
    private const string Field = nameof(CorsPolicyDefinition.AllowedOrigins);

    public static TheoryData<string, string, string?> NonBrowserEntries() => new()
    {
        { "http://127.1:3000", PolicyErrorCodes.OriginIPv4NotCanonical, "http://127.0.0.1:3000" },
        { "http://127.000.000.001:3000", PolicyErrorCodes.OriginIPv4NotCanonical, "http://127.0.0.1:3000" },
        { "http://2130706433:3000", PolicyErrorCodes.OriginIPv4NotCanonical, "http://127.0.0.1:3000" },
        { "http://0x7f.0.0.1:3000", PolicyErrorCodes.OriginIPv4NotCanonical, "http://127.0.0.1:3000" },
        { "http://0177.0.0.1:3000", PolicyErrorCodes.OriginIPv4NotCanonical, "http://127.0.0.1:3000" },
        { "http://127.0.0.1.:3000", PolicyErrorCodes.OriginIPv4NotCanonical, "http://127.0.0.1:3000" },
        { "https://0X0A.0:443", PolicyErrorCodes.OriginIPv4NotCanonical, "https://10.0.0.0" },
        { "http://[0:0:0:0:0:0:0:1]:3000", PolicyErrorCodes.OriginIPv6NotCanonical, "http://[::1]:3000" },
        { "http://[::0001]:3000", PolicyErrorCodes.OriginIPv6NotCanonical, "http://[::1]:3000" },
        { "http://[::ffff:127.0.0.1]:3000", PolicyErrorCodes.OriginIPv6NotCanonical, "http://[::ffff:7f00:1]:3000" },
        { "https://[2001:db8:0:0:1::1]", PolicyErrorCodes.OriginIPv6NotCanonical, "https://[2001:db8::1:0:0:1]" },
        { "http://127.0.0.256:3000", PolicyErrorCodes.OriginInvalidIPv4, null },
        { "http://1.2.3.4.5", PolicyErrorCodes.OriginInvalidIPv4, null },
        { "http://example.09", PolicyErrorCodes.OriginInvalidIPv4, null },
        { "http://[:::1]:3000", PolicyErrorCodes.OriginInvalidIPv6, null },
        { "http://[1:2:3:4:5:6:7:8:9]", PolicyErrorCodes.OriginInvalidIPv6, null },
        { "http://[::ffff:127.0.0.01]", PolicyErrorCodes.OriginInvalidIPv6, null },
        { "https://xn--zz.example.com", PolicyErrorCodes.OriginInvalidPunycode, null },
        { "https://xn--.example.com", PolicyErrorCodes.OriginInvalidPunycode, null },
        { "https://xn--zz", PolicyErrorCodes.OriginInvalidPunycode, null },
        { "https://*.xn--.example.com", PolicyErrorCodes.OriginInvalidPunycode, null },
        { "https://example.com..", PolicyErrorCodes.OriginInvalidHost, null },
        { "https://.", PolicyErrorCodes.OriginInvalidHost, null },
    };

    [Theory]
    [MemberData(nameof(NonBrowserEntries))]
    public void An_entry_no_browser_can_send_is_refused_with_its_code_and_the_browsers_spelling(string entry, string code, string? browserForm)
    {
        var error = Assert.Single(Refuse(Valid with { AllowedOrigins = [entry] }));

        Assert.Equal((code, Field, entry), (error.Code, error.Field, error.Value));
        if (browserForm is null)
        {
            Assert.DoesNotContain("browsers send", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.EndsWith($"browsers send '{browserForm}'.", error.Message, StringComparison.Ordinal);
            Assert.True(WithOrigins(browserForm).EvaluateActualRequest(browserForm).IsAllowed);
        }
    }

    /// <summary>An entry spelled otherwise in case only is normalised, as host names always were, not refused.</summary>
    [Theory]
    [InlineData("http://[::FFFF:7F00:1]:3000", "http://[::ffff:7f00:1]:3000")]
    [InlineData("https://[2001:DB8::1:0:0:1]:443", "https://[2001:db8::1:0:0:1]")]
    [InlineData("https://XN--BCHER-KVA.example", "https://xn--bcher-kva.example")]
    public void An_address_or_a_label_in_upper_case_is_normalised(string entry, string browserForm) =>
        Assert.Equal(browserForm, WithOrigins(entry).EvaluateActualRequest(browserForm).AllowOrigin);

    public static TheoryData<string> NonBrowserRequests() =>
    [
        "http://127.1:3000", "http://127.000.000.001:3000", "http://2130706433:3000", "http://0x7f.0.0.1:3000",
        "http://0177.0.0.1:3000", "http://127.0.0.1.:3000", "http://[0:0:0:0:0:0:0:1]:3000", "http://[::0001]:3000",
        "http://[::ffff:127.0.0.1]:3000", "https://[2001:db8:0:0:1::1]", "http://127.0.0.256:3000", "http://[:::1]:3000",
        "https://xn--zz.example.org", "https://xn--.example.org", "https://a.xn--zz.example.org", "http://[::FFFF:7F00:1]:3000",
    ];

    [Theory]
    [MemberData(nameof(NonBrowserRequests))]
    public void A_request_origin_no_browser_sends_is_refused_under_star_exact_and_wildcard_alike(string origin)
    {
        var any = WithOrigins("*");
        var listed = WithOrigins("http://127.0.0.1:3000", "http://[::1]:3000", "http://[::ffff:7f00:1]:3000",
            "https://[2001:db8::1:0:0:1]", "https://*.example.org");

        foreach (var policy in new[] { any, listed })
        {
            var preflight = policy.EvaluatePreflight(origin, "GET");
            var actual = policy.EvaluateActualRequest(origin);

            Assert.Equal((CorsRejection.MalformedRequest, null), (preflight.Rejection, preflight.AllowOrigin));
            Assert.Equal((CorsRejection.MalformedRequest, null), (actual.Rejection, actual.AllowOrigin));
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000")]
    [InlineData("http://[::1]:3000")]
    [InlineData("http://[::ffff:7f00:1]:3000")]
    [InlineData("https://[2001:db8::1:0:0:1]")]
    [InlineData("https://xn--bcher-kva.example.org")]
    public void The_spelling_a_browser_sends_is_allowed_under_star(string origin) =>
        Assert.Equal("*", WithOrigins("*").EvaluatePreflight(origin, "GET").AllowOrigin);

    /// <summary>
    /// The URL standard keeps a host's trailing dot, so a page at <c>https://example.com./</c> sends the origin
    /// <c>https://example.com.</c>: a host of its own, allowed where it is listed (or under <c>*</c>) and nowhere else.
    /// </summary>
    [Theory]
    [InlineData("*", "https://example.com.", true)]
    [InlineData("*", "http://localhost.:3000", true)]
    [InlineData("https://example.com.", "https://example.com.", true)]
    [InlineData("https://example.com.", "https://example.com", false)]
    [InlineData("https://example.com", "https://example.com.", false)]
    [InlineData("https://example.com.:443", "https://example.com.", true)]
    [InlineData("https://*.example.com.", "https://a.example.com.", true)]
    [InlineData("https://*.example.com.", "https://a.example.com", false)]
    [InlineData("https://*.example.com.", "https://example.com.", false)]
    [InlineData("https://*.example.com", "https://a.example.com.", false)]
    public void A_trailing_dot_is_a_host_of_its_own_as_browsers_send_it(string entry, string origin, bool allowed) =>
        Assert.Equal(allowed, WithOrigins(entry).EvaluateActualRequest(origin).IsAllowed);

    [Theory]
    [InlineData("*", "https://example.com..")]
    [InlineData("*", "https://.example.com")]
    [InlineData("*", "https://EXAMPLE.com.")]
    [InlineData("https://example.com.", "https://example.com.:443")]
    public void A_trailing_dot_spelled_otherwise_than_a_browser_does_is_refused(string entry, string origin) =>
        Assert.Equal(CorsRejection.MalformedRequest, WithOrigins(entry).EvaluateActualRequest(origin).Rejection);

    [Theory]
    [InlineData("https://*.com.", PolicyErrorCodes.OriginWildcardOnTopLevelDomain)]
    [InlineData("https://*.co.uk.", PolicyErrorCodes.OriginWildcardOnPublicSuffix)]
    [InlineData("https://*.0.0.1.", PolicyErrorCodes.OriginWildcardOnIPAddress)]
    [InlineData("https://*.example.0x1", PolicyErrorCodes.OriginWildcardOnIPAddress)]
    public void A_wildcard_with_a_trailing_dot_is_checked_as_the_same_domain(string entry, string code) =>
        Assert.Equal(code, Assert.Single(Refuse(Valid with { AllowedOrigins = [entry] })).Code);

    [Fact]
    public void Localhost_with_a_trailing_dot_is_loopback_as_the_secure_contexts_standard_counts_it() =>
        Compile(Valid with { AllowedOrigins = ["http://localhost.:3000", "http://app.localhost.:3000"], AllowCredentials = true });

    [Theory]
    [InlineData("Set-Cookie", PolicyErrorCodes.ExposedHeaderForbidden)]
    [InlineData("set-cookie", PolicyErrorCodes.ExposedHeaderForbidden)]
    [InlineData("Set-Cookie2", PolicyErrorCodes.ExposedHeaderForbidden)]
    [InlineData("Access-Control-Allow-Origin", PolicyErrorCodes.ExposedHeaderCorsProtocol)]
    [InlineData("access-control-expose-headers", PolicyErrorCodes.ExposedHeaderCorsProtocol)]
    [InlineData("Access-Control-X", PolicyErrorCodes.ExposedHeaderCorsProtocol)]
    public void An_exposed_header_a_page_can_never_read_is_refused_with_its_code(string name, string code)
    {
        var error = Assert.Single(Refuse(Valid with { ExposedHeaders = ["X-Total", name] }));

        Assert.Equal((code, nameof(CorsPolicyDefinition.ExposedHeaders), name), (error.Code, error.Field, error.Value));
    }

    [Theory]
    [InlineData("Set-Cookie-Id")]
    [InlineData("X-Set-Cookie")]
    [InlineData("X-Access-Control-Note")]
    public void An_exposed_header_that_only_resembles_them_is_allowed(string name) =>
        Assert.Equal($"X-Total, {name}", Compile(Valid with { ExposedHeaders = ["X-Total", name] }).EvaluateActualRequest(AppOrigin).ExposeHeaders);
}
