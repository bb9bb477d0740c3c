using System.Security.Claims;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Callers;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// The identities the Functions host attaches to an invocation (its <c>HttpContext.User.Identities</c>, forwarded over
/// gRPC), built as the host builds them (Azure/azure-functions-host, <c>Security/Authentication</c>): AuthenticationType,
/// default name and role claim types, and the claims.
/// </summary>
internal static class HostIdentities
{
    public const string AppServiceCoreIssuer = "https://appservice.core.azurewebsites.net";
    public const string ScmIssuer = "https://app.scm.azurewebsites.net";

    /// <summary><c>AuthenticationLevelHandler</c>: a valid key named <paramref name="name"/> at <paramref name="level"/>.</summary>
    public static ClaimsIdentity Key(string name = "master", string level = "Admin") => new(
        [new Claim(HostIdentityReader.AuthLevelClaim, level), new Claim(HostIdentityReader.InvokeClaim, "true"), new Claim(HostIdentityReader.KeyNameClaim, name)],
        HostIdentityReader.KeyAuthenticationType);

    /// <summary>
    /// JwtBearer with the host's <c>OnTokenValidated</c>: the token's identity (the handler's default AuthenticationType)
    /// and a second one with no AuthenticationType carrying the admin level (and <c>invoke</c> unless App Service core issued it).
    /// </summary>
    public static ClaimsIdentity[] SiteToken(string issuer = ScmIssuer, string? subject = null)
    {
        List<Claim> tokenClaims = [new("iss", issuer), new("aud", "https://app.azurewebsites.net/azurefunctions"), new("exp", "1767225600")];
        if (subject is not null)
        {
            tokenClaims.Add(new Claim(ClaimTypes.NameIdentifier, subject)); // "sub", as the JWT handler maps it
        }

        List<Claim> level = [new(HostIdentityReader.AuthLevelClaim, "Admin")];
        if (!string.Equals(issuer, AppServiceCoreIssuer, StringComparison.OrdinalIgnoreCase))
        {
            level.Add(new Claim(HostIdentityReader.InvokeClaim, "true"));
        }

        return [new ClaimsIdentity(tokenClaims, HostIdentityReader.JwtAuthenticationType), new ClaimsIdentity(level)];
    }

    /// <summary><c>ArmAuthenticationHandler</c>: a valid <c>x-ms-site-restricted-token</c>.</summary>
    public static ClaimsIdentity ArmToken() => new([new Claim(HostIdentityReader.AuthLevelClaim, "Admin")], HostIdentityReader.ArmTokenAuthenticationType);
}
