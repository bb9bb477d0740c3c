using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using CorsFunctions.EndToEnd.Support;
using static CorsFunctions.EndToEnd.Fixtures.EndToEndFixture;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Preflights;

/// <summary>Preflights through the real worker: the anonymous OPTIONS catch-all answered by the CORS middleware.</summary>
public abstract class PreflightTests(EndToEndFixture fixture)
{
    private static readonly string[] PreflightVary =
        ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Access-Control-Request-Private-Network"];

    /// <summary>The preflight's <c>Vary</c>, spelled as both HTTP models send it: one line, names separated by bare commas.</summary>
    public const string PreflightVaryOnTheWire = "Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network";

    [Theory]
    [InlineData(TrustedOrigin)] // allowed: 204
    [InlineData(UntrustedOrigin)] // refused: 403
    public async Task Preflight_Vary_is_spelled_the_same_in_both_HTTP_models(string origin)
    {
        using var response = await fixture.Api.SendAsync(Preflight(ItemsCollection, origin, "PUT"));

        Assert.Equal(PreflightVaryOnTheWire, CorsAssert.Wire(response, "Vary"));
    }

    [Fact]
    public void The_host_speaks_the_apps_HTTP_model() =>
        Assert.Equal(fixture.AspNetCoreIntegration, fixture.Host.ProxiesHttp); // the worker announced its HTTP server, or not

    [Fact]
    public async Task Allowed_preflight_answers_204_with_exactly_the_policy_headers()
    {
        using var response = await fixture.Api.SendAsync(Preflight(ItemsCollection, TrustedOrigin, "PUT", "content-type,x-auth-token"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", CorsAssert.Header(response, "Access-Control-Allow-Credentials"));
        CorsAssert.SameNames("PUT", CorsAssert.List(response, "Access-Control-Allow-Methods"));
        CorsAssert.SameNames(ItemsHeaders, CorsAssert.List(response, "Access-Control-Allow-Headers"));
        Assert.Equal("600", CorsAssert.Header(response, "Access-Control-Max-Age"));
        Assert.Null(CorsAssert.Header(response, "Access-Control-Allow-Private-Network"));
        Assert.Null(CorsAssert.Header(response, "Access-Control-Expose-Headers"));
        CorsAssert.VaryIncludes(response, PreflightVary);
        CorsAssert.NoSerializedArrays(response);
    }

    [Fact]
    public async Task Preflight_without_credentials_policy_has_no_allow_credentials()
    {
        using var response = await fixture.Api.SendAsync(Preflight(Item("a"), TrustedOrigin, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(CorsAssert.Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_of_a_safelisted_method_without_headers_is_allowed()
    {
        using var response = await fixture.Api.SendAsync(Preflight(ItemsCollection, TrustedOrigin, "GET"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(CorsAssert.Header(response, "Access-Control-Allow-Headers"));
    }

    [Theory]
    [InlineData("disallowed origin", ItemsCollection, UntrustedOrigin, "PUT", null)]
    [InlineData("disallowed method", ItemsCollection, TrustedOrigin, "DELETE", null)]
    [InlineData("disallowed header", ItemsCollection, TrustedOrigin, "PUT", "x-auth-token,x-other")]
    [InlineData("method differing in case", ItemsCollection, TrustedOrigin, "put", null)]
    [InlineData("no policy for the route", UnmappedRoute, TrustedOrigin, "PUT", null)]
    [InlineData("invalid policy", BrokenRoute, TrustedOrigin, "PUT", null)]
    [InlineData("row with a mistyped property", GarbageRoute, TrustedOrigin, "PUT", null)]
    [InlineData("disabled policy", DisabledRoute, TrustedOrigin, "PUT", null)]
    [InlineData("policy of another set", OtherSetRoute, TrustedOrigin, "PUT", null)]
    [InlineData("malformed origin", ItemsCollection, "trusted.example.com", "PUT", null)]
    [InlineData("malformed method", ItemsCollection, TrustedOrigin, "P(UT", null)]
    [InlineData("malformed header list", ItemsCollection, TrustedOrigin, "PUT", "x-auth-token,bad header")]
    public async Task Refused_preflight_answers_403_without_any_allow_header(string reason, string path, string origin, string method, string? headers)
    {
        using var response = await fixture.Api.SendAsync(Preflight(path, origin, method, headers));

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{reason}: expected 403, got {(int)response.StatusCode}");
        CorsAssert.NoCorsGrant(response);
        CorsAssert.VaryIncludes(response, PreflightVary);
    }

    [Fact]
    public async Task Wildcard_policy_allows_any_origin_method_and_header_without_credentials()
    {
        using var response = await fixture.Api.SendAsync(Preflight(OpenRoute, UntrustedOrigin, "PATCH", "x-anything"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", CorsAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("*", CorsAssert.Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("*", CorsAssert.Header(response, "Access-Control-Allow-Headers"));
        Assert.Null(CorsAssert.Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Private_network_preflight_is_allowed_where_the_policy_allows_it()
    {
        using var response = await PrivateNetworkPreflightAsync(DevicesRoute);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("true", CorsAssert.Header(response, "Access-Control-Allow-Private-Network"));
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Private_network_preflight_is_refused_where_the_policy_does_not_allow_it()
    {
        using var response = await PrivateNetworkPreflightAsync(ItemsCollection);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        CorsAssert.NoCorsGrant(response);
    }

    [Fact]
    public async Task Repeated_request_header_lines_are_read_as_one_list()
    {
        using var request = Preflight(ItemsCollection, TrustedOrigin, "PUT");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", ["x-auth-token", "content-type"]);
        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        CorsAssert.SameNames(ItemsHeaders, CorsAssert.List(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Plain_options_from_an_allowed_origin_reaches_the_function_and_its_answer_is_stamped()
    {
        using var response = await PlainOptionsAsync(TrustedOrigin);

        // The catch-all's body ran (a preflight would have ACAM): an actual request of method OPTIONS.
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", CorsAssert.Header(response, "Access-Control-Allow-Credentials"));
        Assert.Null(CorsAssert.Header(response, "Access-Control-Allow-Methods"));
        CorsAssert.VaryIncludes(response, "Origin");
    }

    [Fact]
    public async Task Plain_options_from_a_refused_origin_reaches_the_function_without_a_cors_grant()
    {
        using var response = await PlainOptionsAsync(UntrustedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        CorsAssert.NoCorsGrant(response);
        CorsAssert.VaryIncludes(response, "Origin");
    }

    private Task<HttpResponseMessage> PlainOptionsAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, ItemsCollection);
        request.Headers.Add("Origin", origin);
        return fixture.Api.SendAsync(request);
    }

    private Task<HttpResponseMessage> PrivateNetworkPreflightAsync(string path)
    {
        var request = Preflight(path, TrustedOrigin, "PUT");
        request.Headers.Add("Access-Control-Request-Private-Network", "true");
        return fixture.Api.SendAsync(request);
    }
}
