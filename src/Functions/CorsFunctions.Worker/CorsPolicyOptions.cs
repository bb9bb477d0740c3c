namespace CorsFunctions.Worker;

/// <summary>
/// Where the CORS policies live and how often they are reloaded. Bound from the configuration section
/// <c>CorsPolicies</c> (app settings <c>CorsPolicies__*</c>); validated when the app starts.
/// </summary>
public sealed class CorsPolicyOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "CorsPolicies";

    /// <summary>The host storage setting used when neither a connection string nor a service URI is set.</summary>
    internal const string HostStorageSetting = "AzureWebJobsStorage";

    /// <summary>A storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint (<c>https://account.table.core.windows.net</c>), reached with <c>DefaultAzureCredential</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The table holding the policies.</summary>
    public string TableName { get; set; } = "CorsPolicies";

    /// <summary>The append-only table that records every policy write (who, when, before and after).</summary>
    public string AuditTableName { get; set; } = "CorsPolicyAudit";

    /// <summary>The partition of the table this app reads: several apps can share one table, each with its own set of policies.</summary>
    public string PartitionKey { get; set; } = "default";

    /// <summary>Seconds between background reloads (1-3600).</summary>
    public int RefreshSeconds { get; set; } = 30;

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

    /// <summary>The interval between background reloads.</summary>
    internal TimeSpan RefreshInterval => TimeSpan.FromSeconds(RefreshSeconds);
}
