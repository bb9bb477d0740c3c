namespace CorsFunctions.Worker.Management;

/// <summary>What a write through the management functions needs besides the admin level the host checks.</summary>
public enum CorsManagementAuthorization
{
    /// <summary>The admin level alone: whoever holds the master key (or a platform site token, which the host grants that level) may write.</summary>
    AdminKey,

    /// <summary>
    /// The admin key and, for writes, a caller signed in through App Service Authentication with Entra ID, from the
    /// tenant <see cref="CorsManagementOptions.ManagementTenantId"/>, whose principal has an object id and holds the app role
    /// <c>CorsPolicies.Write</c>. Without App Service Authentication every write is refused.
    /// </summary>
    EntraAppRole,
}
