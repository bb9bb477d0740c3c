using System.Net;
using CorsFunctions.EndToEnd.Emulator;
using CorsFunctions.EndToEnd.Fixtures;
using Microsoft.Extensions.Logging;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Diagnostics;

/// <summary>
/// The logs of the background policy work reach the host's output although the host drops worker log messages of
/// no invocation: they come through the worker's console output, which the host (and the emulator) relays.
/// </summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BackgroundLogTests(BuiltInModelFixture fixture)
{
    private const string Loader = "CorsFunctions.Worker.Policies.PolicySnapshotLoader";
    private const string Reporter = "CorsFunctions.Worker.Policies.PolicySnapshotReporter";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Policy_load_is_in_the_host_output_from_the_console_while_its_rpc_log_is_dropped()
    {
        var load = await ConsoleLineAsync(fixture.Host, $"info: {Reporter}[2000] Loaded ");

        Assert.Equal(LogLevel.Information, load.Level);
        Assert.Contains($"from table {EndToEndFixture.TableName}, policy set {EndToEndFixture.PolicySet}: ", load.Message, StringComparison.Ordinal);
        Assert.True(fixture.Host.Log.DroppedRpcLogs > 0, "the background logs also went over gRPC, where the host drops them");
        Assert.DoesNotContain(fixture.Host.Log.Entries, e => e.Source == HostLogSource.Invocation && e.Message.Contains("Loaded ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_policy_is_in_the_host_output_as_an_error()
    {
        var invalid = await ConsoleLineAsync(fixture.Host, $"fail: {Reporter}[2004] CORS policy garbage is invalid");

        Assert.Equal(LogLevel.Error, invalid.Level);
        Assert.Contains("(/api/garbage/*): MaxAgeSeconds", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_reload_is_in_the_host_output_as_a_warning_and_the_last_snapshot_keeps_serving()
    {
        HostLogEntry failure;
        using (fixture.TableProxy.Refuse())
        {
            failure = await ConsoleLineAsync(fixture.Host, $"warn: {Loader}[2002] Reloading CORS policies failed");
            using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(ItemsCollection, TrustedOrigin, "PUT"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains("still serving the snapshot loaded", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"(TableStoreException: Table {EndToEndFixture.TableName}: ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cold_start_that_fails_closed_is_in_the_host_output_as_an_error()
    {
        // Nothing listens on that port: the very first load fails, so the app starts refusing every CORS request.
        var deadStorage = AzuriteTables.ConnectionStringFor(FreePort.Next());
        await using var host = await fixture.StartAnotherHostAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = deadStorage,
            ["CorsPolicies__ConnectionString"] = deadStorage,
        });

        var coldStart = await ConsoleLineAsync(host, $"fail: {Loader}[2003] Loading CORS policies failed");
        using var api = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await api.SendAsync(EndToEndFixture.Preflight(ItemsCollection, TrustedOrigin, "PUT"));

        Assert.Equal(LogLevel.Error, coldStart.Level);
        Assert.Contains("every CORS request is refused (NoPolicy) until a load succeeds", coldStart.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refused_preflight_is_logged_inside_its_invocation_which_the_host_keeps()
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(Item("9"), UntrustedOrigin, "PUT"));

        var refused = await fixture.Host.Log.WaitForAsync(e => e.Source == HostLogSource.Invocation
            && e.Message.Contains($"Preflight rejected (OriginNotAllowed): PUT {Item("9")} from {UntrustedOrigin}, policy items", StringComparison.Ordinal), Deadline);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(refused);
        Assert.Equal(LogLevel.Information, refused.Level);
    }

    private static async Task<HostLogEntry> ConsoleLineAsync(FunctionHost host, string start)
    {
        var entry = await host.Log.WaitForAsync(e => e.Source == HostLogSource.WorkerConsole && e.Message.StartsWith(start, StringComparison.Ordinal), Deadline);
        return entry ?? throw new Xunit.Sdk.XunitException($"No console line starting with \"{start}\" within {Deadline.TotalSeconds:0} s.{Environment.NewLine}{host.RecentOutput}");
    }
}
