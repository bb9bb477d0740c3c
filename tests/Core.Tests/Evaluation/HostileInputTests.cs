using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Http;
using CorsFunctions.Core.Origins;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Tests.Http;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

/// <summary>Fetch rule 5 and rule 20 against input no browser sends: refused as malformed, bounded, never thrown.</summary>
public class HostileInputTests
{
    private static readonly CorsPolicy s_named = Compile(Valid with { AllowedMethods = ["PUT"], AllowedHeaders = ["X-Auth-Token"] });
    private static readonly CorsPolicy s_star = Compile(Valid with { AllowedMethods = ["*"], AllowedHeaders = ["*"] });

    public static TheoryData<string> Policies() => new() { "named", "star" };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Rule05_request_headers_with_65_names_are_malformed(string policy) =>
        AssertMalformed(For(policy).EvaluatePreflight(AppOrigin, "PUT", RequestHeaderNamesTests.NumberedNames(RequestHeaderNames.MaxNames + 1)));

    [Theory]
    [MemberData(nameof(Policies))]
    public void Rule05_request_headers_longer_than_8_KB_are_malformed(string policy)
    {
        var names = "x-auth-token," + new string(' ', RequestHeaderNames.MaxLength);

        AssertMalformed(For(policy).EvaluatePreflight(AppOrigin, "PUT", names));
        AssertMalformed(For(policy).EvaluatePreflight(AppOrigin, "PUT", [names[..5000], names[5000..]], null));
    }

    [Fact]
    public void Rule05_a_1_MB_hostile_request_headers_value_is_refused_by_its_length_before_its_names_are_read()
    {
        // The first name is not allowed: were the names read before the length check, that would be the answer.
        var hostile = "x-not-allowed," + string.Concat(Enumerable.Repeat("x-a,", 256 * 1024));

        var result = s_named.EvaluatePreflight(AppOrigin, "PUT", hostile);

        AssertMalformed(result);
        Assert.Contains("longer than", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule05_a_malformed_value_is_malformed_even_after_a_refused_name() =>
        AssertMalformed(s_named.EvaluatePreflight(AppOrigin, "PUT", "x-not-allowed, x-bad\r\n"));

    [Theory]
    [InlineData("x-auth-token\r\nx-evil: 1")]
    [InlineData("x-auth-token\n")]
    [InlineData("x-auth-token\0")]
    [InlineData("x-auth-t\u00f6ken")]
    [InlineData("x-auth-token\u2028")]
    [InlineData("x-auth-token;")]
    public void Rule20_control_and_non_ascii_characters_in_request_headers_are_malformed(string requestHeaders)
    {
        AssertMalformed(s_named.EvaluatePreflight(AppOrigin, "PUT", requestHeaders));
        AssertMalformed(s_star.EvaluatePreflight(AppOrigin, "PUT", requestHeaders));
    }

    [Theory]
    [InlineData("PUT\r\n")]
    [InlineData("P\nUT")]
    [InlineData("PUT\0")]
    [InlineData("P\u00dcT")]
    [InlineData("")]
    [InlineData(" PUT")]
    public void Rule20_control_and_non_ascii_characters_in_the_request_method_are_malformed(string method)
    {
        AssertMalformed(s_named.EvaluatePreflight(AppOrigin, method));
        AssertMalformed(s_star.EvaluatePreflight(AppOrigin, method));
    }

    [Theory]
    [InlineData("https://app.example.com\r\n")]
    [InlineData("https://app.example.com\nSet-Cookie: a=b")]
    [InlineData("https://app.example.com\0")]
    [InlineData("https://app.ex\u00e4mple.com")]
    [InlineData("https://\uff41pp.example.com")]
    [InlineData("")]
    public void Rule20_control_and_non_ascii_characters_in_the_origin_are_malformed(string origin)
    {
        AssertMalformed(s_named.EvaluatePreflight(origin, "PUT"));
        Assert.Equal(CorsRejection.MalformedRequest, s_star.EvaluateActualRequest(origin).Rejection);
    }

    [Fact]
    public void A_request_method_longer_than_the_bound_is_malformed_even_where_any_method_is_echoed()
    {
        var echoing = Compile(Valid with { AllowedMethods = ["*"], AllowCredentials = true });
        var longest = new string('M', HttpSyntax.MaxMethodLength);

        Assert.Equal(longest, echoing.EvaluatePreflight(AppOrigin, longest).AllowMethods);
        AssertMalformed(echoing.EvaluatePreflight(AppOrigin, longest + "M"));
    }

    [Fact]
    public void Megabyte_values_in_every_header_are_refused_without_throwing()
    {
        var huge = new string('a', 1024 * 1024);

        AssertMalformed(s_star.EvaluatePreflight("https://" + huge, "PUT"));
        Assert.Equal(CorsRejection.MalformedRequest, s_star.EvaluateActualRequest("https://" + huge + ".com").Rejection);
        AssertMalformed(s_named.EvaluatePreflight(AppOrigin, huge));
        AssertMalformed(s_star.EvaluatePreflight(AppOrigin, "PUT", Enumerable.Repeat("x-a", 100_000).ToArray(), null));
    }

    [Fact]
    public void Rule20_an_origin_longer_than_any_serialized_origin_is_refused_by_its_length_and_the_detail_says_so()
    {
        var result = s_star.EvaluatePreflight("https://" + new string('a', 64 * 1024) + ".com", "PUT");

        AssertMalformed(result);
        Assert.Contains($"longer than {OriginSyntax.MaxLength} characters", result.Detail, StringComparison.Ordinal);
    }

    private static CorsPolicy For(string policy) => policy == "named" ? s_named : s_star;

    private static void AssertMalformed(PreflightResult result)
    {
        Assert.Equal(CorsRejection.MalformedRequest, result.Rejection);
        Assert.Null(result.AllowOrigin);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }
}
