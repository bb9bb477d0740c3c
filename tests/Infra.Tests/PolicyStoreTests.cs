using System.Text.RegularExpressions;
using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>
/// The platform's record of every write to the policy store, its delete lock, and the deployment that removes a right
/// the template stops granting.
/// </summary>
public sealed partial class PolicyStoreTests
{
    public static TheoryData<string> Scenarios => Scenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_table_write_and_delete_is_logged_to_the_workspace_by_the_platform(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var setting = snapshot.Single("Microsoft.Insights/diagnosticSettings");
        var logs = setting["properties"]?["logs"]?.AsArray() ?? [];

        Assert.Equal($"{snapshot.PolicyStorageAccount.Str("id")}/tableServices/default/providers/Microsoft.Insights/diagnosticSettings/cors-policy-writes", setting.Str("id"));
        Assert.Equal(snapshot.Single("Microsoft.OperationalInsights/workspaces").Str("id"), setting["properties"].Str("workspaceId"));
        Assert.Equal(["StorageDelete", "StorageWrite"], logs.Where(l => l.Bool("enabled") == true).Select(l => l.Str("category")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Policy_account_carries_a_delete_lock_unless_turned_off(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var locks = snapshot.OfType("Microsoft.Authorization/locks").ToList();

        Assert.Equal(snapshot.Scenario.PolicyStorageLock ? 1 : 0, locks.Count);
        Assert.Equal(snapshot.Scenario.PolicyStorageLock ? locks[0].Str("id") : string.Empty, snapshot.Outputs.Str("POLICY_STORAGE_LOCK_ID"));
        if (snapshot.Scenario.PolicyStorageLock)
        {
            Assert.Equal($"{snapshot.PolicyStorageAccount.Str("id")}/providers/Microsoft.Authorization/locks/cors-policies-no-delete", locks[0].Str("id"));
            Assert.Equal("CanNotDelete", locks[0]["properties"].Str("level"));
        }
    }

    [Fact]
    public void Lock_is_on_by_default()
    {
        var template = RepoFiles.ReadCompiled(RepoFiles.CompiledMainTemplate);

        Assert.True(template["parameters"]?["lockPolicyStorage"].Bool("defaultValue"));
    }

    [Fact]
    public void Azd_deploys_a_deployment_stack_that_deletes_what_the_template_no_longer_declares()
    {
        var azureYaml = File.ReadAllText(Path.Combine(RepoFiles.Root, "azure.yaml"));

        Assert.Matches(StackDeletesUnmanagedResources(), azureYaml);
    }

    [Fact]
    public void Main_template_documents_the_stack_command_for_az()
    {
        var main = File.ReadAllText(Path.Combine(RepoFiles.Root, "infra", "main.bicep"));

        Assert.Contains("az stack group create", main, StringComparison.Ordinal);
        Assert.Contains("--action-on-unmanage deleteResources", main, StringComparison.Ordinal);
    }

    // infra: ... deploymentStacks: actionOnUnmanage: resources: delete, each key nested in the one before.
    [GeneratedRegex(@"(?m)^infra:\n(?:  .*\n)*?  deploymentStacks:\n(?:    .*\n)*?    actionOnUnmanage:\n(?:      .*\n)*?      resources: delete$")]
    private static partial Regex StackDeletesUnmanagedResources();
}
