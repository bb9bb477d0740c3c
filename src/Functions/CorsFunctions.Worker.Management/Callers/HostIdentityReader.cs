using System.Security.Claims;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management.Callers;

/// <summary>
/// Names the caller from the identities the Functions host attached to the invocation (its <c>HttpContext.User</c>,
/// forwarded over gRPC, never a header a client could forge). The host grants the admin level to more than the master
/// key, and each way leaves its own identity (Azure/azure-functions-host, <c>Security/Authentication</c>):
/// <list type="bullet">
/// <item>a key: AuthenticationType <c>WebJobsAuthLevel</c> with the level and the key's name (<c>keyid</c>);</item>
/// <item>a platform site token (a JWT signed with the site's keys, in <c>x-ms-site-token</c> or <c>Authorization: Bearer</c>):
/// the token's own identity (the JWT handler's AuthenticationType, claims such as <c>iss</c>, <c>sub</c>) plus an
/// identity with no AuthenticationType carrying the admin level;</item>
/// <item>an ARM restricted token (<c>x-ms-site-restricted-token</c>): AuthenticationType <c>ArmToken</c> with the admin level.</item>
/// </list>
/// A key wins when several are present (it names a secret someone holds); no identity at all is a local run.
/// </summary>
internal static class HostIdentityReader
{
    /// <summary>The AuthenticationType of the host's key identity.</summary>
    public const string KeyAuthenticationType = "WebJobsAuthLevel";

    /// <summary>The AuthenticationType of the host's ARM token identity.</summary>
    public const string ArmTokenAuthenticationType = "ArmToken";

    /// <summary>The host's claim naming the level it granted (<c>Admin</c>, <c>Function</c>).</summary>
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    /// <summary>The host's claim naming the key (<c>master</c> for the admin key).</summary>
    public const string KeyNameClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <summary>The host's claim allowing a direct HTTP invocation.</summary>
    public const string InvokeClaim = "http://schemas.microsoft.com/2017/07/functions/claims/invoke";

    /// <summary>The AuthenticationType the JWT handlers give a token's identity when none is configured (the host configures none).</summary>
    public const string JwtAuthenticationType = "AuthenticationTypes.Federation";

    /// <summary>The name recorded for an ARM token, which carries no claim naming anyone.</summary>
    public const string ArmTokenName = "ARM restricted site token";

    private static readonly string[] SubjectClaims = ["sub", ClaimTypes.NameIdentifier];

    /// <summary>The writer the host's <paramref name="identities"/> name, or null when none names anyone.</summary>
    public static PolicyWriter? Identify(IReadOnlyList<ClaimsIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.FirstOrDefault(i => Is(i, KeyAuthenticationType)) is { } key)
        {
            var name = key.FindFirst(KeyNameClaim)?.Value ?? $"{key.FindFirst(AuthLevelClaim)?.Value ?? "unnamed"} key";
            return new PolicyWriter(PolicyWriterKinds.Key, name, null, PolicyWriter.ApiSource, KeyAuthenticationType);
        }

        if (identities.Any(i => string.IsNullOrEmpty(i.AuthenticationType) && i.HasClaim(c => c.Type == AuthLevelClaim)))
        {
            // The level comes alone; the token it was granted for is the identity beside it that names an issuer.
            var token = identities.FirstOrDefault(i => Is(i, JwtAuthenticationType) && i.FindFirst("iss") is not null)
                ?? identities.FirstOrDefault(i => !string.IsNullOrEmpty(i.AuthenticationType) && i.FindFirst("iss") is not null);
            var subject = SubjectClaims.Select(type => token?.FindFirst(type)?.Value).FirstOrDefault(v => v is not null);
            return new PolicyWriter(PolicyWriterKinds.SiteToken, token?.FindFirst("iss")?.Value ?? "unknown issuer", subject, PolicyWriter.ApiSource,
                token?.AuthenticationType);
        }

        return identities.Any(i => Is(i, ArmTokenAuthenticationType))
            ? new PolicyWriter(PolicyWriterKinds.ArmToken, ArmTokenName, null, PolicyWriter.ApiSource, ArmTokenAuthenticationType)
            : null;
    }

    private static bool Is(ClaimsIdentity identity, string authenticationType) =>
        string.Equals(identity.AuthenticationType, authenticationType, StringComparison.Ordinal);
}
