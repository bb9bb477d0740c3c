using System.Diagnostics;
using CorsFunctions.EndToEnd.Emulator;
using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Diagnostics;

/// <summary>
/// The start-up setup warnings as the host receives them (worker log messages over gRPC): none for the correctly
/// set-up app, the empty-policy-set warning for the same app pointed at a partition that holds no policy.
/// </summary>
[Collection(EndToEndSuite.Name)]
public sealed class SetupWarningTests(EndToEndFixture fixture)
{
    private const string SetupCategory = "CorsFunctions.Worker.Diagnostics.CorsSetupDiagnostics";
    private static readonly TimeSpan WarningTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public void The_correctly_set_up_app_logs_no_setup_warning()
    {
        Assert.DoesNotContain(SetupCategory, fixture.Host.RecentOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_reading_a_policy_set_without_policies_is_warned_at_start_up()
    {
        await using var host = await fixture.StartAnotherHostAsync(new Dictionary<string, string> { ["CorsPolicies__PartitionKey"] = "no-policies-here" });

        var warning = await WaitForSetupWarningAsync(host);

        Assert.Contains("Policy set no-policies-here of table " + EndToEndFixture.TableName + " holds no CORS policy", warning, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForSetupWarningAsync(FunctionHost host)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WarningTimeout)
        {
            var line = host.RecentOutput.Split(Environment.NewLine).FirstOrDefault(l => l.Contains(SetupCategory, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No setup warning within {WarningTimeout.TotalSeconds:0} s:{Environment.NewLine}{host.RecentOutput}");
    }
}
