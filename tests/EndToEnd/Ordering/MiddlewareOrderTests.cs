using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using Microsoft.Extensions.Logging;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Ordering;

/// <summary>
/// UseCorsPolicies() before ConfigureFunctionsWebApplication(): the middleware cannot answer in that order, so it must
/// leave every request alone (the functions answer as without CorsFunctions) and say how to fix the order.
/// </summary>
public sealed class MiddlewareOrderTests(WrongOrderFixture fixture) : IClassFixture<WrongOrderFixture>
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_function_answers_as_it_would_without_CorsFunctions()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ItemsCollection);
        request.Headers.TryAddWithoutValidation("Origin", TrustedOrigin);

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_preflight_reaches_the_CorsPreflight_body_which_grants_nothing()
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(ItemsCollection, TrustedOrigin, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_wrong_order_is_logged_with_the_fix()
    {
        using var response = await fixture.Api.GetAsync(ItemsCollection);

        var error = await fixture.Host.Log.WaitForAsync(e => e.Message.Contains("CORS is not applied to Hello: UseCorsPolicies() was called before ConfigureFunctionsWebApplication()",
                StringComparison.Ordinal), LogTimeout);

        Assert.True(error is not null, $"No 1010 error within {LogTimeout.TotalSeconds:0} s:{Environment.NewLine}{fixture.Host.RecentOutput}");
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
