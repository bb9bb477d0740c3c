using CorsFunctions.EndToEnd.Emulator;
using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Diagnostics;

/// <summary>
/// The start-up setup warnings as the host shows them: logged outside any invocation, so their gRPC copies are dropped
/// and they arrive as worker console lines. None for the correctly set-up app, the empty-policy-set warning for the
/// same app pointed at a partition that holds no policy.
/// </summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class SetupWarningTests(BuiltInModelFixture fixture)
{
    private const string SetupCategory = "CorsFunctions.Worker.Diagnostics.CorsSetupDiagnostics";
    private static readonly TimeSpan WarningTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public void The_correctly_set_up_app_logs_no_setup_warning()
    {
        Assert.DoesNotContain(SetupCategory, fixture.Host.RecentOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Host.Log.Entries, e => e.Message.Contains(SetupCategory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_reading_a_policy_set_without_policies_is_warned_at_start_up()
    {
        await using var host = await fixture.StartAnotherHostAsync(new Dictionary<string, string> { ["CorsPolicies__PartitionKey"] = "no-policies-here" });

        var warning = await host.Log.WaitForAsync(e => e.Source == HostLogSource.WorkerConsole
            && e.Message.StartsWith($"warn: {SetupCategory}[3004] ", StringComparison.Ordinal), WarningTimeout);

        Assert.True(warning is not null, $"No setup warning on the worker console within {WarningTimeout.TotalSeconds:0} s:{Environment.NewLine}{host.RecentOutput}");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("Policy set no-policies-here of table " + EndToEndFixture.TableName + " holds no CORS policy", warning.Message, StringComparison.Ordinal);
    }
}
