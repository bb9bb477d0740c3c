using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Management;

/// <summary>
/// The management API through the host emulator: Admin level means the master key only, as on the real host, and
/// the key's name reaches the worker with the invocation (not in a header), so the audit log records who wrote.
/// </summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class ManagementApiTests(BuiltInModelFixture fixture)
{
    private const string Policies = "api/cors-policies";

    private static HttpRequestMessage Request(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    [Fact]
    public async Task Without_a_key_or_with_the_function_key_the_host_refuses_the_management_api()
    {
        using var noKey = await fixture.Api.SendAsync(Request(HttpMethod.Get, Policies, null));
        using var functionKey = await fixture.Api.SendAsync(Request(HttpMethod.Get, Policies, fixture.FunctionKey));
        using var byQuery = await fixture.Api.GetAsync($"{Policies}?code={fixture.FunctionKey}");
        using var master = await fixture.Api.SendAsync(Request(HttpMethod.Get, Policies, fixture.MasterKey));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, master.StatusCode);
    }

    [Fact]
    public async Task The_master_key_opens_function_level_triggers_too()
    {
        using var response = await fixture.Api.SendAsync(Request(HttpMethod.Get, SeededPolicies.ItemsCollection, fixture.MasterKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_write_with_the_master_key_is_recorded_with_the_key_name_and_spoofed_principal_headers_are_ignored()
    {
        var put = Request(HttpMethod.Put, $"{Policies}/e2e-audit", fixture.MasterKey,
            new { routes = new[] { "/api/e2e-audit" }, allowedOrigins = new[] { SeededPolicies.TrustedOrigin } });
        put.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "mallory@example.com");
        using var written = await fixture.Api.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        using var history = await fixture.Api.SendAsync(Request(HttpMethod.Get, $"{Policies}/e2e-audit/history", fixture.MasterKey));

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var by = JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("versions").EnumerateArray().Last().GetProperty("by");
        Assert.Equal("key", by.GetProperty("kind").GetString());
        Assert.Equal("master", by.GetProperty("name").GetString());
    }
}
