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
    /// Minutes between full reads of the policy set (1-1440). Between them a refresh reads only the change marker that
    /// every write through the management API or the CLI touches; a full read also picks up rows edited by hand.
    /// </summary>
    public int FullReloadMinutes { get; set; } = 5;

    /// <summary>The interval between background reloads.</summary>
    internal TimeSpan RefreshInterval => TimeSpan.FromSeconds(RefreshSeconds);

    /// <summary>The longest time between two full reads of the policy set.</summary>
    internal TimeSpan FullReloadInterval => TimeSpan.FromMinutes(FullReloadMinutes);
}
