using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Management;

/// <summary>
/// The management API through the host emulator, in each HTTP model: Admin level means the master key only, as on the
/// real host; the audit log records who wrote as far as the worker can know (the key's name travels with the invocation
/// in the built-in model, never in a header); a write reaches the store only when it declares JSON, as no cross-site
/// simple request can.
/// </summary>
public abstract class ManagementApiTests(EndToEndFixture fixture)
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

    /// <summary>
    /// How the audit log names a write made with the master key: by the key's name where the host's identities reach
    /// the worker (built-in model), by the admin level alone where the host forwards the bare HTTP request (ASP.NET Core).
    /// </summary>
    protected abstract (string Kind, string Name) MasterKeyWriter { get; }

    [Fact]
    public async Task A_write_with_the_master_key_is_recorded_as_the_worker_can_know_it_and_spoofed_principal_headers_are_ignored()
    {
        var put = Request(HttpMethod.Put, $"{Policies}/e2e-audit", fixture.MasterKey,
            new { routes = new[] { "/api/e2e-audit" }, allowedOrigins = new[] { SeededPolicies.TrustedOrigin } });
        put.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "mallory@example.com");
        using var written = await fixture.Api.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        using var history = await fixture.Api.SendAsync(Request(HttpMethod.Get, $"{Policies}/e2e-audit/history", fixture.MasterKey));

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var by = JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("versions").EnumerateArray().Last().GetProperty("by");
        Assert.Equal(MasterKeyWriter, (by.GetProperty("kind").GetString()!, by.GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task Writes_a_cross_site_form_or_simple_fetch_could_send_are_refused_415_and_write_nothing()
    {
        var policy = JsonSerializer.Serialize(new { routes = new[] { "/api/e2e-simple" }, allowedOrigins = new[] { SeededPolicies.TrustedOrigin } });
        var put = Request(HttpMethod.Put, $"{Policies}/e2e-simple", fixture.MasterKey);
        put.Content = new StringContent(policy, System.Text.Encoding.UTF8, "text/plain");
        var rollback = Request(HttpMethod.Post, $"{Policies}/e2e-simple/rollback?version=1", fixture.MasterKey);
        rollback.Content = new FormUrlEncodedContent([new("version", "1")]);

        using var putAnswer = await fixture.Api.SendAsync(put);
        using var rollbackAnswer = await fixture.Api.SendAsync(rollback);
        using var read = await fixture.Api.SendAsync(Request(HttpMethod.Get, $"{Policies}/e2e-simple", fixture.MasterKey));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, putAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, rollbackAnswer.StatusCode);
        Assert.Contains("unsupported-media-type", await rollbackAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_rollback_declaring_JSON_restores_the_version_it_names()
    {
        object Policy(string origin) => new { routes = new[] { "/api/e2e-rollback" }, allowedOrigins = new[] { origin } };
        using (var first = await fixture.Api.SendAsync(Request(HttpMethod.Put, $"{Policies}/e2e-rollback", fixture.MasterKey, Policy(SeededPolicies.TrustedOrigin))))
        using (var second = await fixture.Api.SendAsync(Request(HttpMethod.Put, $"{Policies}/e2e-rollback", fixture.MasterKey, Policy("https://other.example.com"))))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        }

        using var rollback = await fixture.Api.SendAsync(Request(HttpMethod.Post, $"{Policies}/e2e-rollback/rollback?version=1", fixture.MasterKey, new { }));
        using var read = await fixture.Api.SendAsync(Request(HttpMethod.Get, $"{Policies}/e2e-rollback", fixture.MasterKey));

        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var origins = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("allowedOrigins");
        Assert.Equal(SeededPolicies.TrustedOrigin, Assert.Single(origins.EnumerateArray()).GetString());
    }
}
