using CorsFunctions.EndToEnd.Emulator;
using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Diagnostics;

/// <summary>
/// The start-up setup warnings as the host shows them: logged outside any invocation, so their gRPC copies are dropped
/// and they arrive as worker console lines. No set-up warning for the correctly set-up app but a lint warning for its
/// seeded policy without a max age, the empty-policy-set warning for the same app pointed at a partition that holds no
/// policy, the plan warning for the same app given a plan's variables.
/// </summary>
public abstract class SetupWarningTests(EndToEndFixture fixture)
{
    private const string SetupCategory = "CorsFunctions.Worker.Diagnostics.CorsSetupDiagnostics";
    private static readonly TimeSpan WarningTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public void The_correctly_set_up_app_logs_no_setup_warning()
    {
        // 3000-3006 judge the app's set-up; 3020 (lint) judges the seeded policies, some of which are careless on purpose.
        Assert.DoesNotContain($"{SetupCategory}[300", fixture.Host.RecentOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Host.Log.Entries, e => e.Message.Contains($"{SetupCategory}[300", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_loaded_policy_without_a_max_age_is_warned_about_at_start_up()
    {
        var warning = await fixture.Host.Log.WaitForAsync(e => e.Source == HostLogSource.WorkerConsole
            && e.Message.StartsWith($"warn: {SetupCategory}[3020] ", StringComparison.Ordinal)
            && e.Message.Contains("CORS policy open ", StringComparison.Ordinal)
            && e.Message.Contains("lint.max_age_missing", StringComparison.Ordinal), WarningTimeout);

        Assert.True(warning is not null, $"No lint warning for policy 'open' within {WarningTimeout.TotalSeconds:0} s:{Environment.NewLine}{fixture.Host.RecentOutput}");
    }

    [Theory]
    [InlineData("CONTAINER_NAME", "app-container", "Linux Consumption")]
    [InlineData("WEBSITE_SKU", "FlexConsumption", "Flex Consumption")]
    public async Task An_app_on_a_plan_whose_host_answers_preflights_is_warned_at_start_up(string variable, string value, string plan)
    {
        await using var host = await fixture.StartAnotherHostAsync(new Dictionary<string, string> { [variable] = value });

        var warning = await host.Log.WaitForAsync(e => e.Source == HostLogSource.WorkerConsole
            && e.Message.StartsWith($"warn: {SetupCategory}[3006] ", StringComparison.Ordinal), WarningTimeout);

        Assert.True(warning is not null, $"No plan warning on the worker console within {WarningTimeout.TotalSeconds:0} s:{Environment.NewLine}{host.RecentOutput}");
        Assert.Contains($"The app runs on {plan}: there the Functions host answers every CORS preflight itself", warning.Message, StringComparison.Ordinal);
        Assert.Contains("corsfunctions export --format apim", warning.Message, StringComparison.Ordinal);
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
