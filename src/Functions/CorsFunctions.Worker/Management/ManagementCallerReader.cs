using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Configuration;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Reads who is calling from what the platform guarantees: the identities the Functions host attaches to the
/// invocation (a key, a platform site token or an ARM token: <see cref="HostIdentityReader"/>; they travel over the
/// host's gRPC channel, not in a header), and the <c>X-MS-CLIENT-PRINCIPAL</c> header only when App Service
/// Authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>): its front end then removes any such header a client sent
/// and sets its own (<see cref="ClientPrincipalReader"/>). With authentication off a client can send the header itself,
/// so it is ignored. A signed-in principal names the caller before the key or token it came with.
/// </summary>
internal sealed class ManagementCallerReader(IConfiguration configuration)
{
    /// <summary>The app setting App Service sets when its authentication is enabled.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The name recorded when nothing identified the caller.</summary>
    public const string UnidentifiedName = "no key (the host enforced none)";

    /// <summary>Whether App Service Authentication is on for this app.</summary>
    public bool PlatformAuthenticated =>
        bool.TryParse(configuration[PlatformAuthenticationSetting], out var enabled) && enabled;

    /// <summary>The caller of a request with the host's <paramref name="identities"/> and <paramref name="header"/> reading its headers.</summary>
    public ManagementCaller Read(IEnumerable<System.Security.Claims.ClaimsIdentity> identities, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(header);
        var platform = PlatformAuthenticated;
        if (platform && ClientPrincipalReader.Read(header(ClientPrincipalReader.Header)) is { } signedIn)
        {
            return new ManagementCaller(signedIn.Writer, true, signedIn.Roles);
        }

        var writer = HostIdentityReader.Identify([.. identities])
            ?? new PolicyWriter(PolicyWriterKinds.Unidentified, UnidentifiedName, null, PolicyWriter.ApiSource);
        return new ManagementCaller(writer, platform, new HashSet<string>(StringComparer.Ordinal));
    }
}
