using System.Net;
using System.Security.Claims;
using System.Text.Json;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Callers;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>
/// Who may write, per <see cref="CorsManagementOptions.ManagementAuthorization"/>; how each caller the host lets through
/// (a key, a platform site or ARM token, an App Service Authentication principal, nobody on a keyless local run) is
/// recorded; and that identity headers a client sends itself are worth nothing unless App Service Authentication is on.
/// </summary>
public sealed class ManagementAuthorizationTests
{
    private const string Url = "https://app.example.net/api/cors-policies/items";
    private const string Policy = """{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }""";
    private const string OpsId = "22222222-2222-2222-2222-222222222222";

    private static readonly FunctionContext Context = Mock.Of<FunctionContext>(c => c.InvocationId == "inv" && c.FunctionDefinition == Mock.Of<FunctionDefinition>());

    private static readonly KeyValuePair<string, string> Json = new("Content-Type", "application/json");

    private static readonly Dictionary<string, string?> PlatformAuthOn = new() { [ManagementCallerReader.PlatformAuthenticationSetting] = "True" };

    private static readonly string Ops = ClientPrincipals.Encode("ops@example.com", OpsId, ["Reader", ManagementAuthorizer.WriteRole]);

    private static ManagementHarness Api(CorsManagementAuthorization mode, bool platformAuth) =>
        new(new CorsManagementOptions { EnableManagementApi = true, ManagementAuthorization = mode, ManagementTenantId = ClientPrincipals.Tenant },
            platformAuth ? PlatformAuthOn : null);

    /// <summary>A PUT of the policy with <paramref name="principal"/> in the header (and spoofable name headers) and the host's <paramref name="identities"/>.</summary>
    private static Task<HttpResponseData> PutAsync(ManagementHarness api, string? principal, params ClaimsIdentity[] identities)
    {
        KeyValuePair<string, string>[] headers = principal is null ? [Json] :
        [
            Json,
            new(ClientPrincipalReader.Header, principal),
            new("X-MS-CLIENT-PRINCIPAL-NAME", "spoofed@example.com"),
            new("X-MS-CLIENT-PRINCIPAL-ID", "00000000-0000-0000-0000-000000000000"),
        ];
        var request = new FakeHttpRequestData("PUT", Url, headers, Policy) { IdentitiesFromHost = identities.Length == 0 ? [HostIdentities.Key()] : identities };
        return api.Functions.PutAsync(request, "items", Context, CancellationToken.None);
    }

    private static string ProblemType(HttpResponseData response) =>
        JsonDocument.Parse(((FakeHttpResponseData)response).ReadBody()).RootElement.GetProperty("type").GetString()!;

    /// <summary>A PUT in <see cref="CorsManagementAuthorization.EntraAppRole"/> mode answers 403 <paramref name="problem"/> and writes nothing.</summary>
    private static async Task AssertWriteRefusedAsync(string problem, string? principal, bool platformAuth = true, params ClaimsIdentity[] identities)
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth);

        var response = await PutAsync(api, principal, identities);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ManagementProblems.TypePrefix + problem, ProblemType(response));
        Assert.Empty(api.Store.Rows);
        Assert.Empty(api.Audit.Entries);
    }

    /// <summary>Writes in <see cref="CorsManagementAuthorization.AdminKey"/> mode as the host's <paramref name="identities"/> and returns who was recorded.</summary>
    private static async Task<PolicyWriter> RecordedWriterAsync(string? principal, bool platformAuth, params ClaimsIdentity[] identities)
    {
        var api = Api(CorsManagementAuthorization.AdminKey, platformAuth);
        var request = new FakeHttpRequestData("PUT", Url, principal is null ? [Json] : [Json, new(ClientPrincipalReader.Header, principal)], Policy)
        {
            IdentitiesFromHost = identities,
        };

        var response = await api.Functions.PutAsync(request, "items", Context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(api.Audit.Entries).Writer;
    }

    [Fact]
    public async Task Admin_key_mode_lets_the_key_holder_write_and_records_the_key_not_a_spoofed_principal()
    {
        var api = Api(CorsManagementAuthorization.AdminKey, platformAuth: false);

        var response = await PutAsync(api, ClientPrincipals.Encode("mallory@example.com", "11111111-1111-1111-1111-111111111111", [ManagementAuthorizer.WriteRole]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var writer = Assert.Single(api.Audit.Entries).Writer;
        Assert.Equal(new PolicyWriter(PolicyWriterKinds.Key, "master", null, PolicyWriter.ApiSource, HostIdentityReader.KeyAuthenticationType), writer);
    }

    [Theory]
    [InlineData(HostIdentities.ScmIssuer)]
    [InlineData("https://app.azurewebsites.net")]
    public async Task A_platform_site_token_is_recorded_as_a_site_token_with_its_issuer_and_authentication_type(string issuer)
    {
        var writer = await RecordedWriterAsync(null, platformAuth: false, HostIdentities.SiteToken(issuer, subject: "site-admin"));

        Assert.Equal(new PolicyWriter(PolicyWriterKinds.SiteToken, issuer, "site-admin", PolicyWriter.ApiSource, HostIdentityReader.JwtAuthenticationType), writer);
    }

    [Fact]
    public async Task A_site_token_identity_is_found_whatever_the_order_the_host_merged_them_in()
    {
        var writer = await RecordedWriterAsync(null, platformAuth: false, [.. HostIdentities.SiteToken().Reverse()]);

        Assert.Equal((PolicyWriterKinds.SiteToken, HostIdentities.ScmIssuer, (string?)null), (writer.Kind, writer.Name, writer.Id));
    }

    [Fact]
    public async Task An_ARM_restricted_token_is_recorded_as_such()
    {
        var writer = await RecordedWriterAsync(null, platformAuth: false, HostIdentities.ArmToken());

        Assert.Equal(new PolicyWriter(PolicyWriterKinds.ArmToken, HostIdentityReader.ArmTokenName, null, PolicyWriter.ApiSource,
            HostIdentityReader.ArmTokenAuthenticationType), writer);
    }

    [Fact]
    public async Task A_key_names_the_caller_before_a_platform_token_sent_with_it()
    {
        var writer = await RecordedWriterAsync(null, platformAuth: false, [.. HostIdentities.SiteToken(), HostIdentities.Key("deploy", "Admin"), HostIdentities.ArmToken()]);

        Assert.Equal((PolicyWriterKinds.Key, "deploy"), (writer.Kind, writer.Name));
    }

    [Fact]
    public async Task An_App_Service_Authentication_principal_is_recorded_with_its_provider_object_id_and_tenant()
    {
        var writer = await RecordedWriterAsync(Ops, platformAuth: true, HostIdentities.Key());

        Assert.Equal(new PolicyWriter(PolicyWriterKinds.Principal, "ops@example.com", OpsId, PolicyWriter.ApiSource, "aad", ClientPrincipals.Tenant), writer);
    }

    [Fact]
    public async Task A_keyless_local_run_is_recorded_as_unidentified()
    {
        var writer = await RecordedWriterAsync(null, platformAuth: false);

        Assert.Equal(new PolicyWriter(PolicyWriterKinds.Unidentified, ManagementCallerReader.UnidentifiedName, null, PolicyWriter.ApiSource), writer);
    }

    /// <summary>
    /// A PUT in the ASP.NET Core integration: the host forwards the HTTP request, headers included, and passes no identity;
    /// the request's identities are the worker's own <c>HttpContext.User</c> (here one claiming a key, as an app's own
    /// middleware could), which are not the host's.
    /// </summary>
    private static async Task<(HttpResponseData Response, ManagementHarness Api)> PutInAspNetCoreModelAsync(CorsManagementAuthorization mode,
        Dictionary<string, string?> settings, string? principal)
    {
        var api = new ManagementHarness(new CorsManagementOptions { EnableManagementApi = true, ManagementAuthorization = mode, ManagementTenantId = ClientPrincipals.Tenant },
            settings);
        var httpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { User = new ClaimsPrincipal(HostIdentities.Key("forged")) };
        var context = FakeInvocation.AspNetCore(httpContext, new FakeHttpRequestData("PUT", Url)).Context;
        var request = new FakeHttpRequestData("PUT", Url, principal is null ? [Json] : [Json, new(ClientPrincipalReader.Header, principal)], Policy, context)
        {
            IdentitiesFromHost = [.. httpContext.User.Identities],
        };

        return (await api.Functions.PutAsync(request, "items", Context, CancellationToken.None), api);
    }

    [Theory]
    [InlineData(true, PolicyWriterKinds.AdminLevel, ManagementCallerReader.AdminLevelName)]
    [InlineData(false, PolicyWriterKinds.Unidentified, ManagementCallerReader.UnidentifiedName)]
    public async Task In_the_ASP_NET_Core_integration_a_caller_without_a_principal_is_recorded_by_the_admin_level_the_host_checked_on_App_Service(
        bool onAppService, string kind, string name)
    {
        Dictionary<string, string?> settings = onAppService ? new() { [ManagementCallerReader.AppServiceSiteSetting] = "app" } : [];

        var (response, api) = await PutInAspNetCoreModelAsync(CorsManagementAuthorization.AdminKey, settings, principal: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new PolicyWriter(kind, name, null, PolicyWriter.ApiSource), Assert.Single(api.Audit.Entries).Writer);
    }

    [Fact]
    public async Task In_the_ASP_NET_Core_integration_an_App_Service_Authentication_principal_still_names_the_writer()
    {
        var settings = new Dictionary<string, string?>(PlatformAuthOn) { [ManagementCallerReader.AppServiceSiteSetting] = "app" };

        var (response, api) = await PutInAspNetCoreModelAsync(CorsManagementAuthorization.EntraAppRole, settings, Ops);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((PolicyWriterKinds.Principal, OpsId, ClientPrincipals.Tenant), (Assert.Single(api.Audit.Entries).Writer.Kind,
            api.Audit.Entries[0].Writer.Id, api.Audit.Entries[0].Writer.TenantId));
    }

    [Fact]
    public async Task The_history_shows_how_each_writer_was_authenticated_and_its_tenant()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: true);
        await PutAsync(api, Ops);

        var history = (FakeHttpResponseData)await api.Functions.HistoryAsync(new FakeHttpRequestData("GET", Url + "/history") { IdentitiesFromHost = [HostIdentities.Key()] },
            "items", Context, CancellationToken.None);

        var by = JsonDocument.Parse(history.ReadBody()).RootElement.GetProperty("versions")[0].GetProperty("by");
        Assert.Equal(("principal", "ops@example.com", OpsId), (by.GetProperty("kind").GetString(), by.GetProperty("name").GetString(), by.GetProperty("id").GetString()));
        Assert.Equal(("aad", ClientPrincipals.Tenant), (by.GetProperty("authenticationType").GetString(), by.GetProperty("tenantId").GetString()));
    }

    [Fact]
    public async Task Spoofed_principal_headers_get_nothing_while_platform_authentication_is_off()
    {
        await AssertWriteRefusedAsync("platform-authentication-off",
            ClientPrincipals.Encode("mallory@example.com", "11111111-1111-1111-1111-111111111111", [ManagementAuthorizer.WriteRole]), platformAuth: false);
    }

    [Fact]
    public async Task Entra_mode_lets_a_platform_principal_of_the_tenant_with_the_app_role_write_and_records_who()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: true);

        var response = await PutAsync(api, Ops);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new PolicyWriter(PolicyWriterKinds.Principal, "ops@example.com", OpsId, PolicyWriter.ApiSource, "aad", ClientPrincipals.Tenant),
            Assert.Single(api.Audit.Entries).Writer);
    }

    [Fact]
    public async Task Entra_mode_compares_the_tenant_as_a_guid_whatever_its_case()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: true);

        var response = await PutAsync(api, ClientPrincipals.Encode("ops@example.com", OpsId, [ManagementAuthorizer.WriteRole], tenantId: ClientPrincipals.Tenant.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, ClaimsIdentity[]> CallersWithoutAPrincipal => new()
    {
        { "the master key", [HostIdentities.Key()] },
        { "a platform site token", HostIdentities.SiteToken() },
        { "an ARM token", [HostIdentities.ArmToken()] },
    };

    [Theory]
    [MemberData(nameof(CallersWithoutAPrincipal))]
    public async Task Entra_mode_refuses_a_caller_the_host_let_through_without_a_signed_in_principal(string caller, ClaimsIdentity[] identities)
    {
        _ = caller; // names the case in the test output
        await AssertWriteRefusedAsync("principal-required", null, identities: identities);
    }

    [Theory]
    [InlineData("github")]
    [InlineData("google")]
    [InlineData("")]
    public async Task Entra_mode_refuses_a_principal_of_another_authentication_provider(string provider)
    {
        await AssertWriteRefusedAsync("entra-id-required", ClientPrincipals.Encode("octocat", OpsId, [ManagementAuthorizer.WriteRole], provider));
    }

    [Theory]
    [InlineData(ClientPrincipals.OtherTenant)]
    [InlineData(null)]
    [InlineData("not-a-tenant")]
    public async Task Entra_mode_refuses_a_principal_of_another_tenant_or_of_none(string? tenant)
    {
        await AssertWriteRefusedAsync("tenant-not-allowed", ClientPrincipals.Encode("guest@other.example", OpsId, [ManagementAuthorizer.WriteRole], tenantId: tenant));
    }

    [Fact]
    public async Task Entra_mode_refuses_a_principal_without_an_object_id()
    {
        await AssertWriteRefusedAsync("object-id-required", ClientPrincipals.Encode("ops@example.com", null, [ManagementAuthorizer.WriteRole]));
    }

    [Fact]
    public async Task Entra_mode_refuses_a_principal_without_the_role()
    {
        await AssertWriteRefusedAsync("write-role-required", ClientPrincipals.Encode("dev@example.com", "33333333-3333-3333-3333-333333333333", ["CorsPolicies.Read"]));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("W10=")]
    public async Task A_malformed_principal_header_is_no_principal(string header)
    {
        await AssertWriteRefusedAsync("principal-required", header);
    }

    [Fact]
    public async Task Entra_mode_still_allows_reads_and_dry_runs_with_the_admin_key()
    {
        var api = Api(CorsManagementAuthorization.EntraAppRole, platformAuth: false);
        var request = new FakeHttpRequestData("PUT", Url + "?dryRun=true", [Json], Policy) { IdentitiesFromHost = [HostIdentities.Key()] };

        var dryRun = await api.Functions.PutAsync(request, "items", Context, CancellationToken.None);
        var list = await api.Functions.ListAsync(new FakeHttpRequestData("GET", "https://app.example.net/api/cors-policies"), Context, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(api.Store.Rows);
    }

    [Fact]
    public void Without_a_host_identity_the_writer_is_recorded_as_unidentified()
    {
        var reader = new ManagementCallerReader(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        var caller = reader.Read([], _ => null);

        Assert.Equal(PolicyWriterKinds.Unidentified, caller.Writer.Kind);
        Assert.False(caller.PlatformAuthenticated);
    }
}
