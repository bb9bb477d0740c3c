using System.Net;
using System.Text;
using System.Text.Json;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies.Audit;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>
/// Who may write, per <see cref="CorsPolicyOptions.ManagementAuthorization"/>, and that identity headers a client
/// sends itself are worth nothing unless App Service Authentication is really on.
/// </summary>
public sealed class ManagementAuthorizationTests
{
    private const string Url = "https://app.example.net/api/cors-policies/items";
    private const string Policy = """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }""";

    private static readonly FunctionContext Context = Mock.Of<FunctionContext>(c => c.InvocationId == "inv" && c.FunctionDefinition == Mock.Of<FunctionDefinition>());

    private static readonly KeyValuePair<string, string> Json = new("Content-Type", "application/json");

    private static readonly Dictionary<string, string?> PlatformAuthOn = new() { [ManagementCallerReader.PlatformAuthenticationSetting] = "True" };

    private static string Principal(string name, string objectId, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = new[] { new { typ = "name", val = name }, new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId } }
            .Concat(roles.Select(r => new { typ = "roles", val = r })),
    })));

    private static ManagementHarness Api(CorsManagementAuthorization mode, bool platformAuth) =>
        new(new CorsPolicyOptions { EnableManagementApi = true, ManagementAuthorization = mode }, platformAuth ? PlatformAuthOn : null);

    private static Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> PutAsync(ManagementHarness api, string? principal)
    {
        KeyValuePair<string, string>[] headers = principal is null ? [Json] :
        [
            Json,
            new(ManagementCallerReader.PrincipalHeader, principal),
            new("X-MS-CLIENT-PRINCIPAL-NAME", "spoofed@example.com"),
            new("X-MS-CLIENT-PRINCIPAL-ID", "00000000-0000-0000-0000-000000000000"),
        ];
        var request = new FakeHttpRequestData("PUT", Url, headers, Policy) { IdentitiesFromHost = [ManagementHarness.HostKey()] };
        return api.Functions.PutAsync(request, "items", Context, CancellationToken.None);
    }

    private static string ProblemType(Microsoft.Azure.Functions.Worker.Http.HttpResponseData response) =>
        JsonDocument.Parse(((FakeHttpResponseData)response).ReadBody()).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task Admin_key_mode_lets_the_key_holder_write_and_records_the_key_not_a_spoofed_principal()
    {
        var api = Api(CorsManagementAuthorization.AdminKey, platformAuth: false);

        var response = await PutAsync(api, Principal("mallory@example.com", "11111111-1111-1111-1111-111111111111", ManagementAuthorizer.WriteRole));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var writer = Assert.Single(api.Audit.Entries).Writer;
        Assert.Equal(new PolicyWriter(PolicyWriterKinds.Key, "master", null, PolicyWriter.ApiSource), writer);
    }

    [Fact]
    public async Task Spoofed_principal_headers_get_nothing_while_platform_authentication_is_off()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: false);

        var response = await PutAsync(api, Principal("mallory@example.com", "11111111-1111-1111-1111-111111111111", ManagementAuthorizer.WriteRole));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ManagementProblems.TypePrefix + "platform-authentication-off", ProblemType(response));
        Assert.Empty(api.Store.Rows);
        Assert.Empty(api.Audit.Entries);
    }

    [Fact]
    public async Task Entra_mode_lets_a_platform_principal_with_the_app_role_write_and_records_who()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: true);

        var response = await PutAsync(api, Principal("ops@example.com", "22222222-2222-2222-2222-222222222222", "Reader", ManagementAuthorizer.WriteRole));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new PolicyWriter(PolicyWriterKinds.Principal, "ops@example.com", "22222222-2222-2222-2222-222222222222", PolicyWriter.ApiSource),
            Assert.Single(api.Audit.Entries).Writer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Entra_mode_refuses_a_principal_without_the_role_and_a_caller_without_a_principal(bool withPrincipal)
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: true);

        var response = await PutAsync(api, withPrincipal ? Principal("dev@example.com", "33333333-3333-3333-3333-333333333333", "CorsPolicies.Read") : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ManagementProblems.TypePrefix + "write-role-required", ProblemType(response));
        Assert.Empty(api.Store.Rows);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("W10=")]
    public async Task A_malformed_principal_header_is_no_principal(string header)
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: true);

        var response = await PutAsync(api, header);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(api.Store.Rows);
    }

    [Fact]
    public async Task Entra_mode_still_allows_reads_and_dry_runs_with_the_admin_key()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: false);
        var request = new FakeHttpRequestData("PUT", Url + "?dryRun=true", [Json], Policy) { IdentitiesFromHost = [ManagementHarness.HostKey()] };

        var dryRun = await api.Functions.PutAsync(request, "items", Context, CancellationToken.None);
        var list = await api.Functions.ListAsync(new FakeHttpRequestData("GET", "https://app.example.net/api/cors-policies"), Context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(api.Store.Rows);
    }

    [Fact]
    public void Without_a_host_key_identity_the_writer_is_recorded_as_unidentified()
    {
        var reader = new ManagementCallerReader(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        var caller = reader.Read([], _ => null);

        Assert.Equal(PolicyWriterKinds.Unidentified, caller.Writer.Kind);
        Assert.False(caller.PlatformAuthenticated);
    }
}
