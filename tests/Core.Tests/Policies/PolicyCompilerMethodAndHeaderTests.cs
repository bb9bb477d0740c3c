using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>Policy rules 9-12: methods, request headers, max age and exposed headers.</summary>
public class PolicyCompilerMethodAndHeaderTests
{
    private const string Methods = nameof(CorsPolicyDefinition.AllowedMethods);
    private const string Headers = nameof(CorsPolicyDefinition.AllowedHeaders);
    private const string Exposed = nameof(CorsPolicyDefinition.ExposedHeaders);

    [Theory]
    [InlineData("GE T")]
    [InlineData("PUT,DELETE")]
    [InlineData("")]
    [InlineData("P\u00dcT")]
    [InlineData("PUT\r\n")]
    public void PolicyRule09_a_method_that_is_not_a_token_is_refused(string method) =>
        AssertRefused(Valid with { AllowedMethods = [method] }, Methods, method);

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("TRACE")]
    [InlineData("TRACK")]
    [InlineData("connect")]
    [InlineData("Trace")]
    public void PolicyRule09_forbidden_methods_are_refused(string method) =>
        AssertRefused(Valid with { AllowedMethods = ["PUT", method] }, Methods, method);

    [Fact]
    public void PolicyRule09_star_mixed_with_other_methods_is_refused() =>
        AssertRefused(Valid with { AllowedMethods = ["*", "PUT"] }, Methods, "*");

    [Theory]
    [InlineData("patch", "patch", "PATCH")]
    [InlineData("PATCH", "PATCH", "patch")]
    [InlineData("Purge", "Purge", "PURGE")]
    public void PolicyRule09_methods_keep_their_case(string inPolicy, string matching, string notMatching)
    {
        var policy = Compile(Valid with { AllowedMethods = [inPolicy] });

        Assert.True(policy.EvaluatePreflight(AppOrigin, matching).IsAllowed);
        Assert.False(policy.EvaluatePreflight(AppOrigin, notMatching).IsAllowed);
    }

    [Theory]
    [InlineData("delete", "DELETE")]
    [InlineData("Put", "PUT")]
    [InlineData("options", "OPTIONS")]
    public void PolicyRule09_methods_browsers_upper_case_are_normalised(string inPolicy, string browserSends)
    {
        var result = Compile(Valid with { AllowedMethods = [inPolicy] }).EvaluatePreflight(AppOrigin, browserSends);

        Assert.True(result.IsAllowed);
        Assert.Equal(browserSends, result.AllowMethods);
    }

    [Theory]
    [InlineData("X Auth")]
    [InlineData("X-Auth:")]
    [InlineData("")]
    [InlineData("X-\u00c4uth")]
    [InlineData("X-Auth\n")]
    public void PolicyRule10_a_header_that_is_not_a_token_is_refused(string header) =>
        AssertRefused(Valid with { AllowedHeaders = [header] }, Headers, header);

    [Theory]
    [InlineData("Cookie")]
    [InlineData("host")]
    [InlineData("Content-Length")]
    [InlineData("Origin")]
    [InlineData("Sec-Fetch-Site")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Access-Control-Allow-Origin")]
    [InlineData("access-control-request-headers")]
    [InlineData("Access-Control-Custom")]
    public void PolicyRule10_forbidden_and_access_control_headers_are_refused(string header) =>
        AssertRefused(Valid with { AllowedHeaders = ["X-Ok", header] }, Headers, header);

    [Fact]
    public void PolicyRule10_star_headers_with_credentials_is_refused() =>
        AssertRefused(Valid with { AllowedHeaders = ["*"], AllowCredentials = true }, Headers, "*");

    [Fact]
    public void PolicyRule10_star_headers_mixed_with_a_name_other_than_authorization_is_refused() =>
        AssertRefused(Valid with { AllowedHeaders = ["*", "X-Auth-Token"] }, Headers, "*");

    [Fact]
    public void PolicyRule10_star_with_authorization_is_the_only_allowed_mix() =>
        Assert.Equal("*, Authorization",
            Compile(Valid with { AllowedHeaders = ["*", "Authorization"] }).EvaluatePreflight(AppOrigin, "GET", "x-any").AllowHeaders);

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(86401)]
    [InlineData(int.MaxValue)]
    public void PolicyRule11_max_age_below_zero_or_above_one_day_is_refused(int maxAge) =>
        AssertRefused(Valid with { MaxAgeSeconds = maxAge }, nameof(CorsPolicyDefinition.MaxAgeSeconds), maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(0)]
    [InlineData(7200)]
    [InlineData(86400)]
    public void PolicyRule11_max_age_from_zero_to_one_day_compiles(int maxAge) =>
        Compile(Valid with { MaxAgeSeconds = maxAge });

    [Theory]
    [InlineData("X Total")]
    [InlineData("X-Total,X-Page")]
    [InlineData("")]
    public void PolicyRule12_an_exposed_header_that_is_not_a_token_is_refused(string header) =>
        AssertRefused(Valid with { ExposedHeaders = [header] }, Exposed, header);

    [Fact]
    public void PolicyRule12_star_exposed_with_credentials_is_refused() =>
        AssertRefused(Valid with { ExposedHeaders = ["*"], AllowCredentials = true }, Exposed, "*");

    [Fact]
    public void PolicyRule12_star_exposed_mixed_with_others_is_refused() =>
        AssertRefused(Valid with { ExposedHeaders = ["*", "X-Total"] }, Exposed, "*");
}
