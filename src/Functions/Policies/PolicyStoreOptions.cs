namespace CorsFunctions.Functions.Policies;

/// <summary>
/// Where the CORS policies live and how often they are reloaded: configuration section <c>CorsPolicies</c>
/// (app settings <c>CorsPolicies__*</c>).
/// </summary>
internal sealed class PolicyStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CorsPolicies";

    /// <summary>The host storage setting used when neither a connection string nor a service URI is set.</summary>
    public const string HostStorageSetting = "AzureWebJobsStorage";

    /// <summary>A storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint (<c>https://account.table.core.windows.net</c>), reached with <c>DefaultAzureCredential</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The table holding the policies.</summary>
    public string TableName { get; set; } = "CorsPolicies";

    /// <summary>The partition (policy set) this app reads.</summary>
    public string PolicySet { get; set; } = "default";

    /// <summary>Seconds between background reloads (1-3600).</summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>The interval between background reloads.</summary>
    public TimeSpan RefreshInterval => TimeSpan.FromSeconds(RefreshSeconds);
}
