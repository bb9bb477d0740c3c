using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Tests.Support;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

/// <summary>
/// Debug mode answers a preflight refused for its method or headers with the allowed origin and lists, so the browser
/// names what was refused; the answer stays a refusal, and an origin the policy does not allow still gets no CORS header.
/// </summary>
public class DebugModeTests
{
    private static readonly CorsPolicyDefinition s_items = Valid with
    {
        AllowedMethods = ["PUT"],
        AllowedHeaders = ["X-Auth-Token"],
        MaxAgeSeconds = 600,
        AllowPrivateNetwork = true,
    };

    private static readonly CorsPolicy s_debug = Compile(s_items with { Debug = true });
    private static readonly CorsPolicy s_plain = Compile(s_items);

    [Theory]
    [InlineData("DELETE", "x-auth-token", CorsRejection.MethodNotAllowed, "DELETE")]
    [InlineData("PUT", "x-auth-token,x-trace-id", CorsRejection.HeaderNotAllowed, "x-trace-id")]
    public void A_refused_method_or_header_in_debug_mode_is_answered_with_the_origin_and_the_lists_but_stays_refused(
        string method, string headers, CorsRejection rejection, string detail)
    {
        var result = s_debug.EvaluatePreflight(AppOrigin, method, headers);

        Assert.False(result.IsAllowed);
        Assert.True(result.IsDebugAnswer);
        Assert.Equal(rejection, result.Rejection);
        Assert.Equal(detail, result.Detail);
        Assert.Equal(new Dictionary<string, string>
        {
            [CorsHeaderNames.AllowOrigin] = AppOrigin,
            [CorsHeaderNames.AllowMethods] = "PUT",
            [CorsHeaderNames.AllowHeaders] = "X-Auth-Token",
        }, RecordingSink.Of(result).Headers);
    }

    [Fact]
    public void A_debug_answer_of_a_credentialed_policy_carries_credentials_so_the_browser_reaches_the_method_and_header_checks()
    {
        var credentialed = Compile(s_items with { Debug = true, AllowCredentials = true, AllowedMethods = ["*"] });

        var headers = RecordingSink.Of(credentialed.EvaluatePreflight(AppOrigin, "PATCH", "x-trace-id")).Headers;

        Assert.Equal("true", headers[CorsHeaderNames.AllowCredentials]);
        Assert.Equal("PATCH", headers[CorsHeaderNames.AllowMethods]); // '*' is literal with credentials: the allowed method is echoed
        Assert.Equal("X-Auth-Token", headers[CorsHeaderNames.AllowHeaders]);
    }

    [Theory]
    [InlineData("DELETE", null)]
    [InlineData("PUT", "x-trace-id")]
    public void A_debug_answer_grants_nothing_a_browser_would_cache_or_act_on_beyond_the_lists(string method, string? requestHeaders)
    {
        var headers = RecordingSink.Of(s_debug.EvaluatePreflight(AppOrigin, method, requestHeaders, "true")).Headers;

        Assert.DoesNotContain(CorsHeaderNames.MaxAge, headers.Keys);
        Assert.DoesNotContain(CorsHeaderNames.AllowPrivateNetwork, headers.Keys);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://APP.example.com")]
    [InlineData("not an origin")]
    public void An_origin_refusal_in_debug_mode_stays_without_cors_headers(string origin)
    {
        var result = s_debug.EvaluatePreflight(origin, "DELETE", "x-trace-id");

        Assert.False(result.IsDebugAnswer);
        Assert.Empty(RecordingSink.Of(result).Headers);
        Assert.Equal([PreflightResult.VaryValue], RecordingSink.Of(result).VaryAppends);
    }

    [Theory]
    [InlineData("PUT", "x-auth-token\u0001")]
    [InlineData("PUT", null, "yes")]
    public void A_malformed_preflight_in_debug_mode_stays_without_cors_headers(string method, string? requestHeaders, string? privateNetwork = null)
    {
        var result = s_debug.EvaluatePreflight(AppOrigin, method, requestHeaders, privateNetwork);

        Assert.Equal(CorsRejection.MalformedRequest, result.Rejection);
        Assert.False(result.IsDebugAnswer);
        Assert.Empty(RecordingSink.Of(result).Headers);
    }

    [Fact]
    public void A_private_network_refusal_in_debug_mode_stays_without_cors_headers()
    {
        var noPrivateNetwork = Compile(s_items with { Debug = true, AllowPrivateNetwork = false });

        var result = noPrivateNetwork.EvaluatePreflight(AppOrigin, "PUT", (string?)null, "true");

        Assert.Equal(CorsRejection.PrivateNetworkNotAllowed, result.Rejection);
        Assert.Empty(RecordingSink.Of(result).Headers);
    }

    [Theory]
    [InlineData("DELETE", null, CorsRejection.MethodNotAllowed)]
    [InlineData("PUT", "x-trace-id", CorsRejection.HeaderNotAllowed)]
    public void With_debug_off_the_same_refusals_carry_no_cors_header(string method, string? requestHeaders, CorsRejection rejection)
    {
        var result = s_plain.EvaluatePreflight(AppOrigin, method, requestHeaders);

        Assert.Equal(rejection, result.Rejection);
        Assert.False(result.IsDebugAnswer);
        Assert.Empty(RecordingSink.Of(result).Headers);
    }

    [Fact]
    public void An_allowed_preflight_is_answered_alike_with_debug_on_or_off()
    {
        var debug = s_debug.EvaluatePreflight(AppOrigin, "PUT", "x-auth-token", "true");
        var plain = s_plain.EvaluatePreflight(AppOrigin, "PUT", "x-auth-token", "true");

        Assert.True(debug.IsAllowed);
        Assert.False(debug.IsDebugAnswer);
        Assert.Equal(RecordingSink.Of(plain).Headers, RecordingSink.Of(debug).Headers);
    }
}
