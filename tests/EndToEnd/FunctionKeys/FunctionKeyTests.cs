using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using CorsFunctions.EndToEnd.Support;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.FunctionKeys;

/// <summary>
/// The anonymous-preflight design: the real functions keep auth level Function (the host refuses them without a
/// key) while their preflights, which never carry a key, still reach the worker through the OPTIONS catch-all.
/// </summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class FunctionKeyTests(BuiltInModelFixture fixture)
{
    [Fact]
    public async Task Items_without_a_key_is_refused_by_the_host_before_the_worker()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ItemsCollection);
        request.Headers.Add("Origin", TrustedOrigin);
        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        CorsAssert.NoCorsGrant(response);
    }

    [Fact]
    public async Task Items_with_a_wrong_key_is_refused()
    {
        using var response = await fixture.Api.GetAsync(ItemsCollection + "?code=wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Items_accepts_the_key_in_the_code_query_parameter_or_the_header()
    {
        using var byQuery = await fixture.Api.GetAsync($"{ItemsCollection}?code={fixture.FunctionKey}");
        using var request = new HttpRequestMessage(HttpMethod.Get, ItemsCollection);
        request.Headers.Add("x-functions-key", fixture.FunctionKey);
        using var byHeader = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
    }

    [Fact]
    public async Task Preflight_of_a_keyed_function_needs_no_key()
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(Item("a"), TrustedOrigin, "PUT", "content-type"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
    }
}
