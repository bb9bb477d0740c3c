using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Decides whether a caller may write, on top of the admin key the host already required for every management
/// function: <see cref="CorsManagementAuthorization.AdminKey"/> asks nothing more; <see cref="CorsManagementAuthorization.EntraAppRole"/>
/// asks for a platform-authenticated principal holding <see cref="WriteRole"/>, and refuses every write while App
/// Service Authentication is off (no identity could be trusted then).
/// </summary>
internal sealed class ManagementAuthorizer(IOptions<CorsPolicyOptions> options)
{
    /// <summary>The app role a principal needs to write in <see cref="CorsManagementAuthorization.EntraAppRole"/> mode.</summary>
    public const string WriteRole = "CorsPolicies.Write";

    private readonly CorsManagementAuthorization _mode = options.Value.ManagementAuthorization;

    /// <summary>Null when <paramref name="caller"/> may write; else the refusal to answer.</summary>
    public ManagementResult? RefuseWrite(ManagementCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (_mode == CorsManagementAuthorization.AdminKey)
        {
            return null;
        }

        if (!caller.PlatformAuthenticated)
        {
            return ManagementProblems.PlatformAuthenticationOff(WriteRole);
        }

        return caller.Roles.Contains(WriteRole) ? null : ManagementProblems.WriteRoleRequired(WriteRole);
    }
}
