using CorsFunctions.Core.Origins;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Tests.Support;

namespace CorsFunctions.Core.Tests.Origins;

public class OriginMatcherTests
{
    [Fact]
    public void An_exact_origin_matches_as_browsers_send_it_and_answers_it_byte_for_byte()
    {
        Assert.Equal(OriginMatchKind.Exact, Matcher("https://app.example.com").Match("https://app.example.com", out var allowOrigin));
        Assert.Equal("https://app.example.com", allowOrigin);
    }

    [Theory]
    [InlineData("https://APP.example.com")]
    [InlineData("https://app.Example.COM")]
    [InlineData("HTTPS://app.example.com")]
    [InlineData("https://app.example.com:443")]
    [InlineData("https://app.example.com:0443")]
    [InlineData("https://A.example.com")]
    [InlineData("https://a.example.com:443")]
    [InlineData("https://a.example.com:08443")]
    public void Rule09_an_origin_not_spelled_as_browsers_send_it_is_refused_by_exact_wildcard_and_star_alike(string requested)
    {
        // One rule for every answer: ACAO is the request's Origin byte for byte, so only the browser spelling can be allowed.
        Assert.Equal(OriginMatchKind.NotCanonical, Matcher("https://app.example.com", "https://*.example.com", "https://*.example.com:8443")
            .Match(requested, out var allowOrigin));
        Assert.Null(allowOrigin);
        Assert.Equal(OriginMatchKind.NotCanonical, Matcher("*").Match(requested, out _));
    }

    [Theory]
    [InlineData("https://my_app.example.com", "https://my_app.example.com", nameof(OriginMatchKind.Exact))]
    [InlineData("https://*.example.com", "https://a_x.example.com", nameof(OriginMatchKind.Wildcard))]
    [InlineData("https://*.example.com", "https://_dmarc.a.example.com", nameof(OriginMatchKind.Wildcard))]
    [InlineData("https://*.my_corp.example.com", "https://a.my_corp.example.com", nameof(OriginMatchKind.Wildcard))]
    [InlineData("*", "https://a_x.example.com", nameof(OriginMatchKind.Any))]
    public void Rule09_an_underscore_in_a_host_is_matched_as_browsers_send_it(string allowed, string requested, string expected)
    {
        Assert.Equal(expected, Matcher(allowed).Match(requested, out var allowOrigin).ToString());
        Assert.Equal(expected == nameof(OriginMatchKind.Any) ? "*" : requested, allowOrigin);
    }

    [Fact]
    public void Rule20_an_origin_longer_than_the_longest_serialized_origin_is_refused_before_it_is_parsed()
    {
        // The longest origin the grammar accepts: https:// + a 253-character host and its trailing dot + :65535 (268 characters).
        var host = string.Join('.', Enumerable.Repeat(new string('a', 62), 3)) + "." + new string('b', 52) + ".example.com.";
        var longest = $"https://{host}:65535";
        var matcher = Matcher("https://*.example.com.:65535");

        Assert.Equal(254, host.Length);
        Assert.Equal(OriginSyntax.MaxLength, longest.Length);
        Assert.Equal(OriginMatchKind.Wildcard, matcher.Match(longest, out _));
        Assert.Equal(OriginMatchKind.TooLong, matcher.Match(longest + "5", out var allowOrigin));
        Assert.Null(allowOrigin);
        Assert.Equal(OriginMatchKind.TooLong, Matcher("*").Match("https://[" + new string(':', 64 * 1024) + "]", out _));
    }

    [Theory]
    [InlineData("https://A.com:443", "https://a.com")]
    [InlineData("HTTPS://A.COM", "https://a.com")]
    [InlineData("http://Localhost:80", "http://localhost")]
    [InlineData("http://localhost:5173", "http://localhost:5173")]
    [InlineData("https://[::1]:443", "https://[::1]")]
    [InlineData("https://a.com:8443", "https://a.com:8443")]
    public void Policy_origins_are_normalised_to_lower_case_without_the_default_port(string inPolicy, string browserSends)
    {
        var matcher = Matcher(inPolicy);

        Assert.Equal(OriginMatchKind.Exact, matcher.Match(browserSends, out var allowOrigin));
        Assert.Equal(browserSends, allowOrigin);
    }

    [Theory]
    [InlineData("https://app.example.com.evil.com")]
    [InlineData("https://evil.com/https://app.example.com")]
    [InlineData("https://xapp.example.com")]
    [InlineData("https://pp.example.com")]
    [InlineData("https://app.example.co")]
    [InlineData("https://app.example.comm")]
    [InlineData("https://sub.app.example.com")]
    [InlineData("http://app.example.com")]
    [InlineData("https://app.example.com:8443")]
    [InlineData("https://app.example.com:80")]
    [InlineData("null")]
    public void Rule09_an_exact_origin_never_matches_by_prefix_suffix_scheme_or_port(string requested)
    {
        var kind = Matcher("https://app.example.com").Match(requested, out var allowOrigin);

        Assert.NotEqual(OriginMatchKind.Exact, kind);
        Assert.Null(allowOrigin);
    }

    [Theory]
    [InlineData("https://a.example.com", true)]
    [InlineData("https://a.b.example.com", true)]
    [InlineData("https://example.com", false)]
    [InlineData("http://a.example.com", false)]
    [InlineData("https://a.example.com:8443", false)]
    [InlineData("https://evilexample.com", false)]
    [InlineData("https://a.evilexample.com", false)]
    [InlineData("https://a.example.com.evil.com", false)]
    [InlineData("https://example.com.a.example.org", false)]
    [InlineData("https://[::1]", false)]
    [InlineData("https://10.0.0.1", false)]
    public void A_subdomain_wildcard_matches_one_or_more_labels_with_the_same_scheme_and_port(string requested, bool matches)
    {
        var kind = Matcher("https://*.example.com").Match(requested, out var allowOrigin);

        Assert.Equal(matches ? OriginMatchKind.Wildcard : OriginMatchKind.NotAllowed, kind);
        // Echoed only once validated: the strict parser refused anything a browser would not send.
        Assert.Equal(matches ? requested : null, allowOrigin);
    }

    [Theory]
    [InlineData("https://a.example.com:8443", true)]
    [InlineData("https://a.example.com", false)]
    [InlineData("https://a.example.com:443", false)]
    [InlineData("https://a.example.com:9443", false)]
    public void A_wildcard_with_a_port_matches_only_that_port(string requested, bool matches) =>
        Assert.Equal(matches, Matcher("https://*.example.com:8443").Match(requested, out _) == OriginMatchKind.Wildcard);

    [Fact]
    public void Wildcards_of_different_schemes_and_suffixes_are_kept_apart()
    {
        var matcher = Matcher("https://*.example.com", "http://*.dev.example.org:8080");

        Assert.Equal(OriginMatchKind.Wildcard, matcher.Match("https://a.example.com", out _));
        Assert.Equal(OriginMatchKind.Wildcard, matcher.Match("http://a.dev.example.org:8080", out _));
        Assert.Equal(OriginMatchKind.NotAllowed, matcher.Match("https://a.dev.example.org:8080", out _));
        Assert.Equal(OriginMatchKind.NotAllowed, matcher.Match("http://a.example.com:8080", out _));
    }

    [Fact]
    public void Rule09_the_null_origin_is_refused_unless_explicitly_allowed()
    {
        Assert.Equal(OriginMatchKind.NotAllowed, Matcher("https://app.example.com").Match("null", out var refused));
        Assert.Null(refused);

        var allowing = OriginRules.Compile(Definitions.Valid with { AllowedOrigins = ["null"], AllowNullOrigin = true }, new ErrorList());
        Assert.Equal(OriginMatchKind.Null, allowing.Match("null", out var allowOrigin));
        Assert.Equal("null", allowOrigin);
        Assert.Equal(OriginMatchKind.NotAllowed, allowing.Match("https://app.example.com", out _));
    }

    [Theory]
    [InlineData("https://anything.example")]
    [InlineData("http://localhost:1234")]
    [InlineData("null")]
    public void Any_origin_answers_star(string requested)
    {
        Assert.Equal(OriginMatchKind.Any, Matcher("*").Match(requested, out var allowOrigin));
        Assert.Equal("*", allowOrigin);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://app.example.com\r\n")]
    [InlineData("https://app.example.com\0")]
    [InlineData("https://app.ex\u00e4mple.com")]
    [InlineData("https://app.example.com/")]
    [InlineData("app.example.com")]
    [InlineData("NULL")]
    public void A_malformed_origin_is_never_matched_even_by_star(string requested)
    {
        Assert.Equal(OriginMatchKind.Malformed, Matcher("*").Match(requested, out var allowOrigin));
        Assert.Null(allowOrigin);
        Assert.Equal(OriginMatchKind.Malformed, Matcher("https://app.example.com", "https://*.example.com").Match(requested, out _));
    }

    [Fact]
    public void Ten_thousand_exact_origins_all_match_and_nothing_else_does()
    {
        var origins = Enumerable.Range(0, 10_000).Select(i => $"https://app{i}.example.com").ToArray();
        var matcher = Matcher(origins);

        Assert.All(origins, o => Assert.Equal(OriginMatchKind.Exact, matcher.Match(o, out _)));
        Assert.Equal(OriginMatchKind.NotAllowed, matcher.Match("https://app10000.example.com", out _));
        Assert.Equal(OriginMatchKind.NotAllowed, matcher.Match("https://app1.example.com:8443", out _));
    }

    [Theory]
    [InlineData("https://*.example.com")]
    [InlineData("https://*.example.com:8443")]
    public void A_request_origin_that_is_a_wildcard_pattern_is_malformed_not_matched_by_it(string requested)
    {
        Assert.Equal(OriginMatchKind.Malformed, Matcher("https://*.example.com", "https://*.example.com:8443").Match(requested, out var allowOrigin));
        Assert.Null(allowOrigin);
    }

    /// <summary>Wildcards that share labels, nest, or differ only by a trailing dot each keep their own meaning.</summary>
    [Theory]
    [InlineData("https://x.a.example.com", true)]
    [InlineData("https://a.example.com", false)] // the apex of *.a.example.com, and example.org has no *.example.com
    [InlineData("https://x.b.example.com", true)]
    [InlineData("https://x.y.b.example.com", true)]
    [InlineData("https://b.example.com", false)]
    [InlineData("https://x.example.com", false)]
    [InlineData("https://x.example.org", true)]
    [InlineData("https://x.y.example.org", true)]
    [InlineData("https://example.org", false)]
    [InlineData("https://x.example.org.", true)]
    [InlineData("https://x.a.example.com.", false)]
    [InlineData("https://x.ample.org", false)]
    [InlineData("https://x.org", false)]
    [InlineData("https://com", false)]
    public void Wildcards_sharing_labels_match_only_their_own_subdomains(string requested, bool allowed)
    {
        var matcher = Matcher("https://*.a.example.com", "https://*.b.example.com", "https://*.example.org", "https://*.example.org.");

        Assert.Equal(allowed ? OriginMatchKind.Wildcard : OriginMatchKind.NotAllowed, matcher.Match(requested, out var allowOrigin));
        Assert.Equal(allowed ? requested : null, allowOrigin);
    }

    [Fact]
    public void A_wildcard_nested_in_another_matches_what_either_allows()
    {
        var matcher = Matcher("https://*.example.com", "https://*.deep.example.com");

        Assert.Equal(OriginMatchKind.Wildcard, matcher.Match("https://deep.example.com", out _));
        Assert.Equal(OriginMatchKind.Wildcard, matcher.Match("https://x.deep.example.com", out _));
        Assert.Equal(OriginMatchKind.NotAllowed, matcher.Match("https://example.com", out _));
    }

    private static OriginMatcher Matcher(params string[] allowed)
    {
        var errors = new ErrorList();
        var matcher = OriginRules.Compile(Definitions.Valid with { AllowedOrigins = allowed }, errors);
        Assert.Equal(0, errors.Count);
        return matcher;
    }
}
