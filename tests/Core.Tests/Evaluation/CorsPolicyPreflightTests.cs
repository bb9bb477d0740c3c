using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Http;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Tests.Support;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

public class CorsPolicyPreflightTests
{
    private static readonly CorsPolicyDefinition s_items = Valid with
    {
        AllowedMethods = ["PUT", "delete", "patch"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
    };

    private static readonly CorsPolicy s_policy = Compile(s_items);
    private static readonly CorsPolicy s_credentialed = Compile(s_items with { AllowCredentials = true });

    [Fact]
    public void Rule02_a_credentialed_policy_answers_a_preflight_that_carries_no_credentials()
    {
        // The preflight input has no place for cookies or Authorization: only Origin, ACRM, ACRH and ACRPN.
        var result = s_credentialed.EvaluatePreflight(AppOrigin, "PUT");

        Assert.True(result.IsAllowed);
        Assert.Equal("true", result.AllowCredentials);
    }

    [Theory]
    [InlineData("patch", true)]
    [InlineData("PATCH", false)]
    [InlineData("Patch", false)]
    [InlineData("DELETE", true)]
    [InlineData("delete", false)]
    [InlineData("put", false)]
    public void Rule04_the_requested_method_is_compared_case_sensitively(string method, bool allowed)
    {
        var result = s_policy.EvaluatePreflight(AppOrigin, method);

        Assert.Equal(allowed, result.IsAllowed);
        Assert.Equal(allowed ? CorsRejection.None : CorsRejection.MethodNotAllowed, result.Rejection);
    }

    [Theory]
    [InlineData("x-auth-token,content-type")]
    [InlineData("X-AUTH-TOKEN, Content-Type")]
    [InlineData(" x-auth-token ,\tcontent-type\t")]
    [InlineData("x-auth-token,,content-type,")]
    [InlineData(",")]
    public void Rule05_spaces_tabs_empty_elements_and_mixed_case_are_tolerated(string requestHeaders) =>
        Assert.True(s_policy.EvaluatePreflight(AppOrigin, "PUT", requestHeaders).IsAllowed);

    [Fact]
    public void Rule05_repeated_request_header_lines_are_all_checked()
    {
        Assert.True(s_policy.EvaluatePreflight(AppOrigin, "PUT", ["x-auth-token", "content-type"], null).IsAllowed);

        var refused = s_policy.EvaluatePreflight(AppOrigin, "PUT", ["x-auth-token", "x-other"], null);
        Assert.Equal(CorsRejection.HeaderNotAllowed, refused.Rejection);
        Assert.Equal("x-other", refused.Detail);
    }

    [Fact]
    public void Rule06_content_type_in_the_request_headers_must_be_allowed_explicitly()
    {
        var withoutContentType = Compile(Valid with { AllowedHeaders = ["X-Auth-Token"] });

        var result = withoutContentType.EvaluatePreflight(AppOrigin, "POST", "content-type");

        Assert.Equal(CorsRejection.HeaderNotAllowed, result.Rejection);
        Assert.Equal("content-type", result.Detail);
        Assert.True(s_policy.EvaluatePreflight(AppOrigin, "POST", "content-type").IsAllowed);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public void Rule07_safelisted_methods_are_always_allowed(string method)
    {
        var noMethods = Compile(Valid);

        Assert.True(noMethods.EvaluatePreflight(AppOrigin, method).IsAllowed);
        Assert.True(s_credentialed.EvaluatePreflight(AppOrigin, method).IsAllowed);
    }

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("TRACE")]
    [InlineData("TRACK")]
    [InlineData("connect")]
    [InlineData("trace")]
    public void Rule07_forbidden_methods_are_never_allowed_even_by_star(string method)
    {
        var anyMethod = Compile(Valid with { AllowedMethods = ["*"] });

        Assert.Equal(CorsRejection.MethodNotAllowed, anyMethod.EvaluatePreflight(AppOrigin, method).Rejection);
    }

    [Fact]
    public void Rule09_acao_is_the_exact_request_origin_never_a_prefix_or_suffix_match()
    {
        Assert.Equal(AppOrigin, s_policy.EvaluatePreflight(AppOrigin, "PUT").AllowOrigin);
        foreach (var lookalike in new[] { AppOrigin + ".evil.com", "https://evil-app.example.com", "https://app.example.co", AppOrigin + ":444" })
        {
            var result = s_policy.EvaluatePreflight(lookalike, "PUT");
            Assert.Equal(CorsRejection.OriginNotAllowed, result.Rejection);
            Assert.Null(result.AllowOrigin);
        }
    }

    [Fact]
    public void Rule09_a_wildcard_origin_answers_the_request_origin_not_the_pattern()
    {
        var result = WithOrigins("https://*.example.com").EvaluatePreflight("https://a.b.example.com", "GET");

        Assert.Equal("https://a.b.example.com", result.AllowOrigin);
    }

    [Fact]
    public void Rule09_the_null_origin_is_answered_only_when_explicitly_allowed()
    {
        Assert.Equal(CorsRejection.OriginNotAllowed, s_policy.EvaluatePreflight("null", "GET").Rejection);
        var allowing = Compile(Valid with { AllowedOrigins = ["null"], AllowNullOrigin = true });
        Assert.Equal("null", allowing.EvaluatePreflight("null", "GET").AllowOrigin);
    }

    [Fact]
    public void Rule10_with_credentials_acac_is_true_and_acao_the_explicit_origin()
    {
        var result = s_credentialed.EvaluatePreflight(AppOrigin, "PUT");

        Assert.Equal("true", result.AllowCredentials);
        Assert.Equal(AppOrigin, result.AllowOrigin);
        Assert.Null(s_policy.EvaluatePreflight(AppOrigin, "PUT").AllowCredentials);
    }

    [Fact]
    public void Rule10_star_origin_answers_star_without_credentials()
    {
        var result = WithOrigins("*").EvaluatePreflight("https://any.example", "GET");

        Assert.Equal("*", result.AllowOrigin);
        Assert.Null(result.AllowCredentials);
    }

    [Fact]
    public void Rule11_the_requested_method_appears_in_acam_or_is_safelisted()
    {
        var allowed = s_policy.EvaluatePreflight(AppOrigin, "patch");

        Assert.Contains("patch", allowed.AllowMethods!.Split(", "));
        Assert.Equal(CorsRejection.MethodNotAllowed, s_policy.EvaluatePreflight(AppOrigin, "OPTIONS").Rejection);
        Assert.Equal("OPTIONS", s_policy.EvaluatePreflight(AppOrigin, "OPTIONS").Detail);
    }

    [Fact]
    public void Rule11_star_methods_without_credentials_answer_star()
    {
        var result = Compile(Valid with { AllowedMethods = ["*"] }).EvaluatePreflight(AppOrigin, "PURGE");

        Assert.True(result.IsAllowed);
        Assert.Equal("*", result.AllowMethods);
    }

    [Theory]
    [InlineData("PURGE")]
    [InlineData("patch")]
    [InlineData("GET")]
    public void Rule13_star_methods_with_credentials_echo_the_requested_method(string method)
    {
        var result = Compile(Valid with { AllowedMethods = ["*"], AllowCredentials = true }).EvaluatePreflight(AppOrigin, method);

        Assert.True(result.IsAllowed);
        Assert.Equal(method, result.AllowMethods);
    }

    [Fact]
    public void Rule12_every_requested_header_must_be_allowed()
    {
        var result = s_policy.EvaluatePreflight(AppOrigin, "PUT", "x-auth-token,x-secret,content-type");

        Assert.Equal(CorsRejection.HeaderNotAllowed, result.Rejection);
        Assert.Equal("x-secret", result.Detail);
    }

    [Fact]
    public void Rule12_allowed_headers_answer_the_configured_list()
    {
        var result = s_policy.EvaluatePreflight(AppOrigin, "PUT", "content-type");

        Assert.Equal("X-Auth-Token, Content-Type", result.AllowHeaders);
        Assert.Null(s_policy.EvaluatePreflight(AppOrigin, "PUT").AllowHeaders);
    }

    [Fact]
    public void Rule12_authorization_is_never_covered_by_star_headers()
    {
        var star = Compile(Valid with { AllowedHeaders = ["*"] });

        Assert.True(star.EvaluatePreflight(AppOrigin, "GET", "x-anything,content-type").IsAllowed);
        Assert.Equal("*", star.EvaluatePreflight(AppOrigin, "GET", "x-anything").AllowHeaders);
        var refused = star.EvaluatePreflight(AppOrigin, "GET", "x-anything,authorization");
        Assert.Equal(CorsRejection.HeaderNotAllowed, refused.Rejection);
        Assert.Equal("authorization", refused.Detail);
    }

    [Fact]
    public void Rule12_authorization_is_allowed_when_listed_by_name_next_to_star()
    {
        var result = Compile(Valid with { AllowedHeaders = ["*", "Authorization"] }).EvaluatePreflight(AppOrigin, "GET", "authorization,x-anything");

        Assert.True(result.IsAllowed);
        Assert.Equal("*, Authorization", result.AllowHeaders);
    }

    [Fact]
    public void Rule13_star_headers_with_credentials_cannot_be_configured() =>
        Refuse(s_items with { AllowedHeaders = ["*"], AllowCredentials = true });

    [Theory]
    [MemberData(nameof(PolicyShapes))]
    public void Rule14_acam_and_acah_are_always_well_formed_lists(CorsPolicyDefinition definition, string method, string requestHeaders)
    {
        var result = Compile(definition).EvaluatePreflight(AppOrigin, method, requestHeaders);

        Assert.True(result.IsAllowed);
        Assert.All(new[] { result.AllowMethods, result.AllowHeaders }.OfType<string>(), value =>
            Assert.All(value.Split(", "), name => Assert.True(name == "*" || HttpSyntax.IsToken(name), value)));
    }

    public static TheoryData<CorsPolicyDefinition, string, string> PolicyShapes() => new()
    {
        { s_items, "PUT", "x-auth-token" },
        { s_items with { AllowCredentials = true }, "patch", "content-type" },
        { Valid with { AllowedMethods = ["*"], AllowedHeaders = ["*", "Authorization"] }, "PURGE", "authorization" },
        { Valid with { AllowedMethods = ["*"], AllowCredentials = true, AllowedHeaders = ["X-A"] }, "PURGE", "x-a" },
        { Valid with { AllowedMethods = ["PUT", "PUT", "put"], AllowedHeaders = ["X-A", "x-a"] }, "GET", "x-a" },
    };

    [Fact]
    public void Rule15_max_age_is_sent_as_configured_and_omitted_when_absent()
    {
        Assert.Equal("600", Compile(s_items with { MaxAgeSeconds = 600 }).EvaluatePreflight(AppOrigin, "PUT").MaxAge);
        Assert.Equal("0", Compile(s_items with { MaxAgeSeconds = 0 }).EvaluatePreflight(AppOrigin, "PUT").MaxAge);
        Assert.Null(s_policy.EvaluatePreflight(AppOrigin, "PUT").MaxAge);
    }

    [Fact]
    public void Rule15_negative_max_age_cannot_be_configured() =>
        Refuse(s_items with { MaxAgeSeconds = -1 });

    [Fact]
    public void Rule16_private_network_access_is_granted_only_when_allowed()
    {
        var allowing = Compile(s_items with { AllowPrivateNetwork = true });

        Assert.Equal("true", allowing.EvaluatePreflight(AppOrigin, "PUT", requestPrivateNetwork: "true").AllowPrivateNetwork);
        Assert.Null(allowing.EvaluatePreflight(AppOrigin, "PUT").AllowPrivateNetwork);
        var refused = s_policy.EvaluatePreflight(AppOrigin, "PUT", requestPrivateNetwork: "true");
        Assert.Equal(CorsRejection.PrivateNetworkNotAllowed, refused.Rejection);
        Assert.Null(refused.AllowPrivateNetwork);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("TRUE")]
    [InlineData("")]
    [InlineData("true\r\n")]
    public void Rule16_a_private_network_request_other_than_true_is_malformed(string value) =>
        Assert.Equal(CorsRejection.MalformedRequest,
            Compile(s_items with { AllowPrivateNetwork = true }).EvaluatePreflight(AppOrigin, "PUT", requestPrivateNetwork: value).Rejection);

    [Fact]
    public void A_refusal_for_a_malformed_request_says_what_was_wrong()
    {
        Assert.Equal("not a preflight: Origin or Access-Control-Request-Method is missing", s_policy.EvaluatePreflight(AppOrigin, null).Detail);
        Assert.Equal("not a preflight: Origin or Access-Control-Request-Method is missing", s_policy.EvaluatePreflight(null, "PUT").Detail);
        Assert.Equal("Access-Control-Request-Private-Network is not 'true'",
            Compile(s_items with { AllowPrivateNetwork = true }).EvaluatePreflight(AppOrigin, "PUT", requestPrivateNetwork: "yes").Detail);
    }

    [Fact]
    public void Rule18_a_preflight_never_carries_expose_headers()
    {
        var result = Compile(s_items with { ExposedHeaders = ["X-Total"] }).EvaluatePreflight(AppOrigin, "PUT");

        Assert.DoesNotContain(CorsHeaderNames.ExposeHeaders, RecordingSink.Of(result).Headers.Keys);
    }

    [Theory]
    [InlineData(AppOrigin, "PUT")]
    [InlineData("https://evil.example", "PUT")]
    [InlineData(AppOrigin, "PURGE")]
    [InlineData("https://app.example.com/", "PUT")]
    public void Rule19_every_preflight_answer_varies_on_origin_method_headers_and_private_network_appended_not_replaced(string origin, string method)
    {
        var sink = RecordingSink.Of(s_policy.EvaluatePreflight(origin, method));

        // The answer depends on Access-Control-Request-Private-Network too: with it a policy without the grant refuses.
        Assert.Equal(["Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network"],
            sink.VaryAppends);
    }

    [Fact]
    public void Rule19_an_allowed_preflight_writes_every_header_it_holds()
    {
        var policy = Compile(s_items with { AllowCredentials = true, MaxAgeSeconds = 600, AllowPrivateNetwork = true });

        var sink = RecordingSink.Of(policy.EvaluatePreflight(AppOrigin, "PUT", "x-auth-token", "true"));

        Assert.Equal(
            new Dictionary<string, string>
            {
                [CorsHeaderNames.AllowOrigin] = AppOrigin,
                [CorsHeaderNames.AllowCredentials] = "true",
                [CorsHeaderNames.AllowMethods] = "PUT, DELETE, patch",
                [CorsHeaderNames.AllowHeaders] = "X-Auth-Token, Content-Type",
                [CorsHeaderNames.MaxAge] = "600",
                [CorsHeaderNames.AllowPrivateNetwork] = "true",
            },
            sink.Headers);
    }

    [Theory]
    [InlineData("https://evil.example", "PUT", null, null, CorsRejection.OriginNotAllowed)]
    [InlineData(AppOrigin, "PURGE", null, null, CorsRejection.MethodNotAllowed)]
    [InlineData(AppOrigin, "PUT", "x-evil", null, CorsRejection.HeaderNotAllowed)]
    [InlineData(AppOrigin, "PUT", null, "true", CorsRejection.PrivateNetworkNotAllowed)]
    [InlineData(AppOrigin + "\r\nSet-Cookie: a=b", "PUT", null, null, CorsRejection.MalformedRequest)]
    public void Rule20_a_refusal_sends_no_cors_header_and_echoes_nothing(string origin, string method, string? headers, string? privateNetwork, CorsRejection rejection)
    {
        var result = s_credentialed.EvaluatePreflight(origin, method, headers, privateNetwork);

        Assert.Equal(rejection, result.Rejection);
        Assert.False(result.IsAllowed);
        Assert.Empty(RecordingSink.Of(result).Headers);
        Assert.All(new[] { result.AllowOrigin, result.AllowCredentials, result.AllowMethods, result.AllowHeaders, result.MaxAge, result.AllowPrivateNetwork },
            Assert.Null);
    }

    [Fact]
    public void Rule20_a_reject_result_made_by_a_host_writes_only_vary()
    {
        var sink = RecordingSink.Of(PreflightResult.Reject(CorsRejection.NoPolicy, "no route"));

        Assert.Empty(sink.Headers);
        Assert.Equal([PreflightResult.VaryValue], sink.VaryAppends);
    }

    [Theory]
    [InlineData(null, "PUT")]
    [InlineData(AppOrigin, null)]
    public void A_preflight_without_origin_or_request_method_is_malformed(string? origin, string? method) =>
        Assert.Equal(CorsRejection.MalformedRequest, s_policy.EvaluatePreflight(origin, method).Rejection);
}
