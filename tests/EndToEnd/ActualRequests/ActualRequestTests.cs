using System.Net;
using System.Net.Http.Json;
using CorsFunctions.EndToEnd.Fixtures;
using CorsFunctions.EndToEnd.Support;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.ActualRequests;

/// <summary>Actual (non-preflight) requests: the function runs, its response survives, CORS headers are stamped on it.</summary>
public abstract class ActualRequestTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Allowed_origin_gets_the_function_response_with_cors_headers_stamped()
    {
        var id = await CreateItemAsync("lamp");
        using var plain = await SendAsync(HttpMethod.Get, ItemsCollection, origin: null);
        using var response = await SendAsync(HttpMethod.Get, ItemsCollection, TrustedOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Contains(id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", CorsAssert.Header(response, "Access-Control-Allow-Credentials"));
        CorsAssert.SameNames(ExposedHeader, CorsAssert.List(response, "Access-Control-Expose-Headers"));
        CorsAssert.VaryIncludes(response, "Origin");
        CorsAssert.NoSerializedArrays(response);
    }

    [Theory]
    [InlineData(TrustedOrigin)] // stamped
    [InlineData(UntrustedOrigin)] // Vary only
    [InlineData(null)] // no Origin, a governed route: Vary only
    public async Task Actual_response_Vary_is_spelled_the_same_in_both_HTTP_models(string? origin)
    {
        using var response = await SendAsync(HttpMethod.Get, ItemsCollection, origin);

        Assert.Equal("Origin", CorsAssert.Wire(response, "Vary"));
    }

    [Fact]
    public async Task Refused_origin_gets_the_function_response_unchanged_with_only_vary()
    {
        using var plain = await SendAsync(HttpMethod.Get, ItemsCollection, origin: null);
        using var response = await SendAsync(HttpMethod.Get, ItemsCollection, UntrustedOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        CorsAssert.NoCorsGrant(response);
        CorsAssert.VaryIncludes(response, "Origin");
    }

    [Fact]
    public async Task Request_without_origin_gets_no_cors_grant_but_varies_on_origin()
    {
        using var response = await SendAsync(HttpMethod.Get, ItemsCollection, origin: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CorsAssert.NoCorsGrant(response);
        CorsAssert.VaryIncludes(response, "Origin"); // a cache must not hand this answer to a cross-origin page
    }

    [Fact]
    public async Task Function_status_other_than_200_is_preserved_with_cors_headers()
    {
        using var missing = await SendAsync(HttpMethod.Get, Item("no-such-item"), TrustedOrigin);
        using var created = await SendAsync(HttpMethod.Put, Item(Guid.NewGuid().ToString("N")), TrustedOrigin, JsonContent.Create(new { name = "desk" }));
        using var invalid = await SendAsync(HttpMethod.Put, Item("x"), TrustedOrigin, new StringContent("not json"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("name", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var response in new[] { missing, created, invalid })
        {
            Assert.Equal(TrustedOrigin, CorsAssert.Header(response, "Access-Control-Allow-Origin"));
            Assert.Null(CorsAssert.Header(response, "Access-Control-Allow-Credentials"));
            CorsAssert.VaryIncludes(response, "Origin");
        }
    }

    [Fact]
    public async Task Method_no_function_lists_is_404_from_the_host()
    {
        using var response = await SendAsync(HttpMethod.Patch, ItemsCollection, TrustedOrigin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> CreateItemAsync(string name)
    {
        var id = Guid.NewGuid().ToString("N");
        using var response = await SendAsync(HttpMethod.Put, Item(id), origin: null, JsonContent.Create(new { name }));
        Assert.True(response.IsSuccessStatusCode, $"creating an item: {(int)response.StatusCode}");
        return id;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("x-functions-key", fixture.FunctionKey);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return fixture.Api.SendAsync(request);
    }
}
