using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Management.Callers;

/// <summary>
/// Decides whether a caller may write, on top of the admin level the host already required for every management
/// function (the master key, or a platform token the host grants that level). <see cref="CorsManagementAuthorization.AdminKey"/>
/// asks nothing more. <see cref="CorsManagementAuthorization.EntraAppRole"/> asks for an App Service Authentication
/// principal signed in with Entra ID (<c>auth_typ</c> <c>aad</c>, not another provider), from the configured tenant
/// (<see cref="CorsManagementOptions.ManagementTenantId"/>: a multi-tenant app registration lets any tenant sign in, and
/// assign app roles there), with an object id to record, holding <see cref="WriteRole"/>; and refuses every write while
/// App Service Authentication is off (no identity could be trusted then). Each refusal names the requirement that failed.
/// </summary>
internal sealed class ManagementAuthorizer(IOptions<CorsManagementOptions> options)
{
    /// <summary>The app role a principal needs to write in <see cref="CorsManagementAuthorization.EntraAppRole"/> mode.</summary>
    public const string WriteRole = "CorsPolicies.Write";

    /// <summary>The App Service Authentication provider name (<c>auth_typ</c>) of Entra ID.</summary>
    public const string EntraIdProvider = "aad";

    private readonly CorsManagementAuthorization _mode = options.Value.ManagementAuthorization;
    private readonly Guid? _tenant = Guid.TryParse(options.Value.ManagementTenantId, out var tenant) ? tenant : null;

    /// <summary>Null when <paramref name="caller"/> may write; else the refusal to answer.</summary>
    public ManagementResult? RefuseWrite(ManagementCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (_mode == CorsManagementAuthorization.AdminKey)
        {
            return null;
        }

        var writer = caller.Writer;
        return !caller.PlatformAuthenticated ? ManagementProblems.PlatformAuthenticationOff(WriteRole)
            : writer.Kind != PolicyWriterKinds.Principal ? ManagementProblems.PrincipalRequired(writer.Kind)
            : !string.Equals(writer.AuthenticationType, EntraIdProvider, StringComparison.OrdinalIgnoreCase) ? ManagementProblems.EntraIdRequired(writer.AuthenticationType)
            : !(Guid.TryParse(writer.TenantId, out var tenant) && tenant == _tenant) ? ManagementProblems.TenantNotAllowed(writer.TenantId)
            : writer.Id is null ? ManagementProblems.ObjectIdRequired()
            : caller.Roles.Contains(WriteRole) ? null
            : ManagementProblems.WriteRoleRequired(WriteRole);
    }
}
