using System.Text;
using System.Text.Json;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>The <c>X-MS-CLIENT-PRINCIPAL</c> header App Service Authentication sets: base64 JSON of the principal.</summary>
internal static class ClientPrincipals
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string OtherTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    /// <summary>A principal with <paramref name="name"/> and <paramref name="roles"/>; a null <paramref name="objectId"/> or <paramref name="tenantId"/> is left out.</summary>
    public static string Encode(string name, string? objectId, string[] roles, string provider = "aad", string? tenantId = Tenant)
    {
        List<object> claims = [new { typ = "name", val = name }];
        if (objectId is not null)
        {
            claims.Add(new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId });
        }

        if (tenantId is not null)
        {
            claims.Add(new { typ = "http://schemas.microsoft.com/identity/claims/tenantid", val = tenantId });
        }

        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = provider,
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims,
        })));
    }
}
