using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management.Callers;

/// <summary>
/// Reads the principal App Service Authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 JSON with the provider
/// (<c>auth_typ</c>, <c>aad</c> for Entra ID), the role claim type (<c>role_typ</c>) and the claims (<c>typ</c>/<c>val</c>).
/// Only worth reading while the platform's authentication is on (see <see cref="ManagementCallerReader"/>).
/// </summary>
internal static class ClientPrincipalReader
{
    /// <summary>The header App Service Authentication sets.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The claim types of an Entra ID object id, as App Service Authentication passes it on or as the token carries it.</summary>
    public static readonly IReadOnlyList<string> ObjectIdClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    /// <summary>The claim types of an Entra ID tenant id.</summary>
    public static readonly IReadOnlyList<string> TenantIdClaims = ["http://schemas.microsoft.com/identity/claims/tenantid", "tid"];

    // A principal header beyond this is no App Service principal; it is ignored rather than parsed.
    private const int MaxLength = 32 * 1024;

    private static readonly string[] NameClaims = ["name", "preferred_username", ClaimTypes.Name, ClaimTypes.Upn];

    /// <summary>The principal in <paramref name="encoded"/> and its app roles, or null when there is none or it cannot be read.</summary>
    public static (PolicyWriter Writer, IReadOnlySet<string> Roles)? Read(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > MaxLength)
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

            var claims = root.TryGetProperty("claims", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(c => c.ValueKind == JsonValueKind.Object)
                    .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
                    .Where(c => c.Type is not null && c.Value is not null)
                    .ToList()
                : [];
            var roleType = Text(root, "role_typ");
            var roles = claims.Where(c => c.Type == "roles" || c.Type == roleType).Select(c => c.Value!).ToHashSet(StringComparer.Ordinal);
            string? First(IEnumerable<string> types) => types.Select(type => claims.FirstOrDefault(c => c.Type == type).Value).FirstOrDefault(v => v is not null);
            var id = First(ObjectIdClaims);
            var writer = new PolicyWriter(PolicyWriterKinds.Principal, First(NameClaims) ?? id ?? "unnamed principal", id, PolicyWriter.ApiSource,
                Text(root, "auth_typ"), First(TenantIdClaims));
            return (writer, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
