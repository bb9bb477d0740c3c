using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Configuration;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Reads who is calling from what the platform guarantees: the key identity the Functions host attaches to the
/// invocation (AuthenticationType <c>WebJobsAuthLevel</c>, with the key's level and name; it travels over the
/// host's gRPC channel, not in a header), and the <c>X-MS-CLIENT-PRINCIPAL</c> header only when App Service
/// Authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>): its front end then removes any such header a client sent
/// and sets its own. With authentication off a client can send the header itself, so it is ignored.
/// </summary>
internal sealed class ManagementCallerReader(IConfiguration configuration)
{
    /// <summary>The app setting App Service sets when its authentication is enabled.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The header App Service Authentication sets: the principal's claims as base64 JSON.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The AuthenticationType of the host's key identity.</summary>
    public const string KeyAuthenticationType = "WebJobsAuthLevel";

    /// <summary>The host's claim naming the key's level (<c>Admin</c>, <c>Function</c>).</summary>
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    /// <summary>The host's claim naming the key (<c>master</c> for the admin key).</summary>
    public const string KeyNameClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    // A principal header beyond this is no App Service principal; it is ignored rather than parsed.
    private const int MaxPrincipalHeaderLength = 32 * 1024;

    private static readonly string[] NameClaims = ["name", "preferred_username", ClaimTypes.Name, ClaimTypes.Upn];
    private static readonly string[] ObjectIdClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    /// <summary>Whether App Service Authentication is on for this app.</summary>
    public bool PlatformAuthenticated =>
        bool.TryParse(configuration[PlatformAuthenticationSetting], out var enabled) && enabled;

    /// <summary>The caller of a request with the host's <paramref name="identities"/> and <paramref name="header"/> reading its headers.</summary>
    public ManagementCaller Read(IEnumerable<ClaimsIdentity> identities, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(header);
        var platform = PlatformAuthenticated;
        if (platform && ReadPrincipal(header(PrincipalHeader)) is { } principal)
        {
            return principal;
        }

        var key = identities.FirstOrDefault(i => string.Equals(i.AuthenticationType, KeyAuthenticationType, StringComparison.Ordinal));
        var writer = key is null
            ? new PolicyWriter(PolicyWriterKinds.Unidentified, "no key (the host enforced none)", null, PolicyWriter.ApiSource)
            : new PolicyWriter(PolicyWriterKinds.Key, key.FindFirst(KeyNameClaim)?.Value ?? $"{key.FindFirst(AuthLevelClaim)?.Value ?? "unnamed"} key", null, PolicyWriter.ApiSource);
        return new ManagementCaller(writer, platform, new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>The principal App Service Authentication put in the header, or null when there is none or it cannot be read.</summary>
    private static ManagementCaller? ReadPrincipal(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > MaxPrincipalHeaderLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null;
            var claims = root.TryGetProperty("claims", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(c => c.ValueKind == JsonValueKind.Object)
                    .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
                    .Where(c => c.Type is not null && c.Value is not null)
                    .ToList()
                : [];
            var roles = claims.Where(c => c.Type == "roles" || c.Type == roleType).Select(c => c.Value!).ToHashSet(StringComparer.Ordinal);
            var name = NameClaims.Select(type => claims.FirstOrDefault(c => c.Type == type).Value).FirstOrDefault(v => v is not null);
            var id = ObjectIdClaims.Select(type => claims.FirstOrDefault(c => c.Type == type).Value).FirstOrDefault(v => v is not null);
            return new ManagementCaller(new PolicyWriter(PolicyWriterKinds.Principal, name ?? id ?? "unnamed principal", id, PolicyWriter.ApiSource), true, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement claim, string property) =>
        claim.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
