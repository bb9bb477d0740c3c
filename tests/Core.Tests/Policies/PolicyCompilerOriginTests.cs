using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>Policy rules 1-8: the allowed origins.</summary>
public class PolicyCompilerOriginTests
{
    private const string Field = nameof(CorsPolicyDefinition.AllowedOrigins);

    [Fact]
    public void PolicyRule01_a_policy_without_origins_is_refused() =>
        AssertRefused(Valid with { AllowedOrigins = [] }, Field, null);

    [Theory]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/api")]
    [InlineData("https://app.example.com?x=1")]
    [InlineData("https://app.example.com#x")]
    [InlineData("https://user@app.example.com")]
    [InlineData(" https://app.example.com")]
    [InlineData("https://app.example.com ")]
    [InlineData("https://app .example.com")]
    [InlineData("ftp://app.example.com")]
    [InlineData("chrome-extension://abcdef")]
    [InlineData("app.example.com")]
    [InlineData("")]
    public void PolicyRule02_an_entry_that_is_not_scheme_host_port_is_refused(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin] }, Field, origin);

    [Theory]
    [InlineData("https://b\u00fccher.example")]
    [InlineData("https://\u043f\u0440\u0438\u043c\u0435\u0440.com")]
    public void PolicyRule03_a_non_ascii_host_is_refused_and_the_punycode_form_asked_for(string origin)
    {
        var error = AssertRefused(Valid with { AllowedOrigins = [origin] }, Field, origin);

        Assert.Contains("punycode", error.Message, StringComparison.OrdinalIgnoreCase);
        Compile(Valid with { AllowedOrigins = ["https://xn--bcher-kva.example"] });
    }

    [Fact]
    public void PolicyRule04_the_null_origin_is_refused_without_its_explicit_flag()
    {
        AssertRefused(Valid with { AllowedOrigins = ["null"] }, Field, "null");

        var policy = Compile(Valid with { AllowedOrigins = ["null"], AllowNullOrigin = true });
        Assert.Equal("null", policy.EvaluateActualRequest("null").AllowOrigin);
    }

    [Theory]
    [InlineData("https://app.example.com:0")]
    [InlineData("https://app.example.com:65536")]
    [InlineData("https://app.example.com:99999")]
    [InlineData("https://app.example.com:-443")]
    [InlineData("https://app.example.com:https")]
    public void PolicyRule05_a_port_outside_1_to_65535_is_refused(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin] }, Field, origin);

    [Theory]
    [InlineData("https://app.example.com:443", "https://app.example.com")]
    [InlineData("http://localhost:80", "http://localhost")]
    [InlineData("https://app.example.com:1", "https://app.example.com:1")]
    [InlineData("https://app.example.com:65535", "https://app.example.com:65535")]
    public void PolicyRule05_a_default_port_written_out_is_normalised_not_refused(string inPolicy, string browserSends) =>
        Assert.Equal(browserSends, WithOrigins(inPolicy).EvaluateActualRequest(browserSends).AllowOrigin);

    [Fact]
    public void PolicyRule06_star_mixed_with_other_origins_is_refused() =>
        AssertRefused(Valid with { AllowedOrigins = ["*", AppOrigin] }, Field, "*");

    [Fact]
    public void PolicyRule06_star_origin_with_credentials_is_refused() =>
        AssertRefused(Valid with { AllowedOrigins = ["*"], AllowCredentials = true }, Field, "*");

    [Fact]
    public void PolicyRule06_star_origin_with_private_network_access_is_refused() =>
        AssertRefused(Valid with { AllowedOrigins = ["*"], AllowPrivateNetwork = true }, Field, "*");

    [Fact]
    public void PolicyRule06_star_origin_alone_without_credentials_compiles() =>
        Assert.Equal("*", WithOrigins("*").EvaluateActualRequest(AppOrigin).AllowOrigin);

    [Theory]
    [InlineData("https://*.co.uk")]
    [InlineData("https://*.azurewebsites.net")]
    [InlineData("https://*.github.io")]
    [InlineData("https://*.Azurewebsites.NET")]
    public void PolicyRule07_a_wildcard_on_a_public_suffix_is_refused_without_the_dangerously_flag(string origin)
    {
        AssertRefused(Valid with { AllowedOrigins = [origin] }, Field, origin);

        Compile(Valid with { AllowedOrigins = [origin], DangerouslyAllowPublicSuffixWildcards = true });
    }

    [Theory]
    [InlineData("https://*.com")]
    [InlineData("https://*.uk")]
    [InlineData("http://*.localhost")]
    public void PolicyRule07_a_wildcard_on_a_bare_tld_is_refused_even_with_the_dangerously_flag(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin], DangerouslyAllowPublicSuffixWildcards = true }, Field, origin);

    [Theory]
    [InlineData("https://a.*.com")]
    [InlineData("https://*foo.com")]
    [InlineData("https://foo.*")]
    [InlineData("https://*.*.example.com")]
    public void PolicyRule07_a_wildcard_anywhere_but_the_left_most_label_is_refused(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin], DangerouslyAllowPublicSuffixWildcards = true }, Field, origin);

    [Theory]
    [InlineData("https://*.1.2.3")]
    [InlineData("https://*.0.0.1:8443")]
    [InlineData("https://*.10.0.0.1")]
    [InlineData("https://*.[::1]")]
    public void PolicyRule07_a_wildcard_on_an_ip_address_is_refused(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin], DangerouslyAllowPublicSuffixWildcards = true }, Field, origin);

    [Fact]
    public void PolicyRule07_a_wildcard_on_a_registered_domain_compiles() =>
        Assert.True(WithOrigins("https://*.example.com").EvaluateActualRequest("https://a.b.example.com").IsAllowed);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void PolicyRule08_plain_http_with_credentials_or_private_network_is_refused_without_the_dangerously_flag(bool credentials, bool privateNetwork)
    {
        var definition = Valid with
        {
            AllowedOrigins = ["http://app.example.com"],
            AllowCredentials = credentials,
            AllowPrivateNetwork = privateNetwork,
        };

        AssertRefused(definition, Field, "http://app.example.com");
        AssertRefused(definition with { AllowedOrigins = ["http://*.example.com"] }, Field, "http://*.example.com");
        Compile(definition with { DangerouslyAllowInsecureOrigins = true });
    }

    [Theory]
    [InlineData("http://localhost:5173")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://[::1]:3000")]
    [InlineData("http://app.localhost")]
    public void PolicyRule08_loopback_http_origins_may_have_credentials_and_private_network(string origin) =>
        Compile(Valid with { AllowedOrigins = [origin], AllowCredentials = true, AllowPrivateNetwork = true });

    [Theory]
    [InlineData("http://127.-1.0.1")]
    [InlineData("http://127.01.0.1")]
    [InlineData("http://127.0.0.1.example.com")]
    public void PolicyRule08_hosts_that_only_look_like_loopback_are_plain_http(string origin) =>
        AssertRefused(Valid with { AllowedOrigins = [origin], AllowCredentials = true }, Field, origin);

    [Fact]
    public void PolicyRule08_plain_http_without_credentials_or_private_network_compiles() =>
        WithOrigins("http://app.example.com");

    [Theory]
    [InlineData("http://a..example.com")]
    [InlineData("http://exa mple.com")]
    public void A_malformed_origin_gets_one_error_for_its_syntax_and_no_other_rule_is_applied_to_it(string origin)
    {
        // Credentials would add "plain http" to a parsed http origin: a malformed one is reported for its syntax alone.
        var error = Assert.Single(Refuse(Valid with { AllowedOrigins = [origin], AllowCredentials = true }));

        Assert.Equal(origin, error.Value);
        Assert.NotEqual(PolicyErrorCodes.OriginInsecure, error.Code);
    }

    [Fact]
    public void An_invalid_host_is_reported_as_such()
    {
        var error = AssertRefused(Valid with { AllowedOrigins = ["https://a..example.com"] }, nameof(CorsPolicyDefinition.AllowedOrigins), "https://a..example.com");

        Assert.Equal(PolicyErrorCodes.OriginInvalidHost, error.Code);
        Assert.Equal("has an invalid host name.", error.Message);
    }
}
