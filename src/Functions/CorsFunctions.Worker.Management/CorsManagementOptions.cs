namespace CorsFunctions.Worker.Management;

/// <summary>
/// Whether the management API answers and who may write through it. Bound from the same configuration section as the
/// policy store's settings, <c>CorsPolicies</c> (app settings <c>CorsPolicies__EnableManagementApi</c>,
/// <c>CorsPolicies__ManagementAuthorization</c>, <c>CorsPolicies__ManagementTenantId</c>); validated when the app starts.
/// </summary>
public sealed class CorsManagementOptions
{
    /// <summary>The configuration section the options are bound from (the one of <see cref="CorsPolicyOptions"/>).</summary>
    public const string SectionName = CorsPolicyOptions.SectionName;

    /// <summary>
    /// Whether the management functions (<c>cors-policies</c>, <c>cors-check</c>) answer; off by default, when they
    /// answer 404 and touch nothing.
    /// </summary>
    public bool EnableManagementApi { get; set; }

    /// <summary>
    /// Who may write through the management functions. Every management function requires the admin level at the
    /// host in both modes (the master key, or a platform site token the host grants that level); <see cref="CorsManagementAuthorization.EntraAppRole"/> also requires an Entra ID
    /// principal of <see cref="ManagementTenantId"/> with the app role <c>CorsPolicies.Write</c> for writes.
    /// </summary>
    public CorsManagementAuthorization ManagementAuthorization { get; set; } = CorsManagementAuthorization.AdminKey;

    /// <summary>
    /// The Entra ID tenant (a GUID) whose principals may write in <see cref="CorsManagementAuthorization.EntraAppRole"/>
    /// mode, required there: App Service Authentication accepts any tenant a multi-tenant app registration lets sign in,
    /// and an app role can be assigned in any of them, so the role alone does not say who the writer is.
    /// </summary>
    public string? ManagementTenantId { get; set; }
}
