using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>The two storage accounts (the host's, the policy store's) and where (if anywhere) an account key is used, per scenario.</summary>
public sealed class StorageTests
{
    private const string ContentConnectionSetting = "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING";

    // ARM functions that hand out an account's key or a SAS signed with it.
    private static readonly string[] SecretFunctions = ["listKeys(", "listAccountSas(", "listServiceSas("];

    public static TheoryData<string> Scenarios => Scenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Storage_accounts_require_tls_1_2_https_and_have_no_public_blobs(string scenario)
    {
        var accounts = Snapshot.Load(scenario).OfType(Snapshot.StorageAccountType).ToList();

        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, account =>
        {
            var properties = account["properties"];
            Assert.Equal("TLS1_2", properties.Str("minimumTlsVersion"));
            Assert.True(properties.Bool("supportsHttpsTrafficOnly"));
            Assert.False(properties.Bool("allowBlobPublicAccess"));
            Assert.True(properties.Bool("defaultToOAuthAuthentication"));
        });
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Host_account_allows_shared_keys_only_where_azure_files_needs_them(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);

        // An explicit value: the platform default for a new account is "allowed".
        Assert.Equal(snapshot.Scenario.NeedsAccountKey, snapshot.HostStorageAccount["properties"].Bool("allowSharedKeyAccess"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Policy_tables_have_their_own_account_with_shared_keys_off_in_every_plan(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var policyStore = snapshot.PolicyStorageAccount;

        // The host's account, whose key Azure Files may need in an app setting, holds no table.
        Assert.NotEqual(snapshot.HostStorageAccount.Str("name"), policyStore.Str("name"));
        Assert.False(policyStore["properties"].Bool("allowSharedKeyAccess"));
        Assert.True(policyStore["properties"].Bool("defaultToOAuthAuthentication"));
        var secretCalls = SecretFunctions.Select(f => $"{f}'{policyStore.Str("id")}'").ToList();
        Assert.DoesNotContain(Json.Strings(snapshot.Root), s => secretCalls.Any(call => s.Value.Contains(call, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Keyless_plans_hold_no_account_key_anywhere(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        if (snapshot.Scenario.NeedsAccountKey)
        {
            return;
        }

        var leaks = Json.Strings(snapshot.Root)
            .Where(s => s.Value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase)
                || s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
                || s.Value.Contains("listAccountSas(", StringComparison.OrdinalIgnoreCase)
                || s.Value.Contains("listServiceSas(", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(leaks.Count == 0, $"{scenario} needs no key but uses one at: {string.Join(", ", leaks.Select(l => l.Path))}");
        Assert.False(snapshot.AppSettings.ContainsKey(ContentConnectionSetting));
        Assert.False(snapshot.AppSettings.ContainsKey("WEBSITE_CONTENTSHARE"));
        Assert.Empty(snapshot.OfType("Microsoft.Storage/storageAccounts/fileServices/shares"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Where_a_key_is_needed_it_is_used_only_for_the_content_share(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        if (!snapshot.Scenario.NeedsAccountKey)
        {
            return;
        }

        var settings = snapshot.AppSettings;
        var withKey = settings.Where(s => s.Value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase)).Select(s => s.Key);
        Assert.Equal([ContentConnectionSetting], withKey);

        var shareName = settings["WEBSITE_CONTENTSHARE"];
        var share = snapshot.Single("Microsoft.Storage/storageAccounts/fileServices/shares");
        Assert.EndsWith("/" + shareName, share.Str("name"), StringComparison.Ordinal);

        var keyString = Assert.Single(Json.Strings(snapshot.Root), s => s.Value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"listKeys('{snapshot.HostStorageAccount.Str("id")}'", keyString.Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Keyless_consumption_and_premium_run_from_a_private_blob_package_with_the_identity(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var settings = snapshot.AppSettings;
        if (snapshot.Scenario.NeedsAccountKey || snapshot.Scenario.IsDedicated)
        {
            Assert.Equal("1", settings["WEBSITE_RUN_FROM_PACKAGE"]);
            Assert.False(settings.ContainsKey("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"));
            return;
        }

        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Str("id");
        var container = snapshot.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var containerName = container.Str("name")!.Split('/')[^1];

        Assert.Equal("None", container["properties"].Str("publicAccess"));
        Assert.Contains(".primaryEndpoints.blob", settings["WEBSITE_RUN_FROM_PACKAGE"], StringComparison.Ordinal);
        Assert.Contains($"'{containerName}', 'corsfunctions.zip')", settings["WEBSITE_RUN_FROM_PACKAGE"], StringComparison.Ordinal);
        Assert.Equal(identity, settings["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"]);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Policy_and_audit_tables_are_created_and_no_other(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var account = snapshot.PolicyStorageAccount.Str("name");

        Assert.Equal(
            new[] { $"{account}/default/{snapshot.Scenario.AuditTable}", $"{account}/default/{snapshot.Scenario.PolicyTable}" }.Order(StringComparer.Ordinal),
            snapshot.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => t.Str("name")).Order(StringComparer.Ordinal));
    }
}
