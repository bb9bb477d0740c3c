using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Configuration;

namespace CorsFunctions.Worker.Management.Callers;

/// <summary>
/// Reads who is calling from what the platform guarantees: the identities the Functions host attaches to the
/// invocation (a key, a platform site token or an ARM token: <see cref="HostIdentityReader"/>; they travel over the
/// host's gRPC channel, not in a header), and the <c>X-MS-CLIENT-PRINCIPAL</c> header only when App Service
/// Authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>): its front end then removes any such header a client sent
/// and sets its own (<see cref="ClientPrincipalReader"/>). With authentication off a client can send the header itself,
/// so it is ignored. A signed-in principal names the caller before the key or token it came with. In the ASP.NET Core
/// integration the host forwards only the HTTP request (headers included) and no identity, so there a caller is named
/// only by its principal, or recorded as holding the admin level on App Service.
/// </summary>
internal sealed class ManagementCallerReader(IConfiguration configuration)
{
    /// <summary>The app setting App Service sets when its authentication is enabled.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The setting App Service sets for every app (Core Tools does not): there the host always checks keys.</summary>
    public const string AppServiceSiteSetting = "WEBSITE_SITE_NAME";

    /// <summary>The name recorded when nothing identified the caller.</summary>
    public const string UnidentifiedName = "no key (the host enforced none)";

    /// <summary>The name recorded when the host checked a credential the worker cannot see.</summary>
    public const string AdminLevelName = "admin level (the ASP.NET Core integration does not pass the host's identities on)";

    /// <summary>Whether App Service Authentication is on for this app.</summary>
    public bool PlatformAuthenticated =>
        bool.TryParse(configuration[PlatformAuthenticationSetting], out var enabled) && enabled;

    /// <summary>Whether the app runs on App Service, where the host checks the function's auth level.</summary>
    public bool OnAppService => !string.IsNullOrEmpty(configuration[AppServiceSiteSetting]);

    /// <summary>
    /// The caller of a request with the host's <paramref name="identities"/> (null when the host passes none: the ASP.NET
    /// Core integration, whose request identities are the worker's own, never the host's) and <paramref name="header"/>
    /// reading its headers.
    /// </summary>
    public ManagementCaller Read(IEnumerable<System.Security.Claims.ClaimsIdentity>? identities, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var platform = PlatformAuthenticated;
        if (platform && ClientPrincipalReader.Read(header(ClientPrincipalReader.Header)) is { } signedIn)
        {
            return new ManagementCaller(signedIn.Writer, true, signedIn.Roles);
        }

        var writer = (identities is null ? null : HostIdentityReader.Identify([.. identities]))
            ?? (identities is null && OnAppService
                ? new PolicyWriter(PolicyWriterKinds.AdminLevel, AdminLevelName, null, PolicyWriter.ApiSource)
                : new PolicyWriter(PolicyWriterKinds.Unidentified, UnidentifiedName, null, PolicyWriter.ApiSource));
        return new ManagementCaller(writer, platform, new HashSet<string>(StringComparer.Ordinal));
    }
}
