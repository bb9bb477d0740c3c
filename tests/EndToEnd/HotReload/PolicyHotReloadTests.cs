using System.Diagnostics;
using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.HotReload;

/// <summary>A policy row written while the worker runs (the row, then the change marker) takes effect after the refresh interval, both ways.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class PolicyHotReloadTests(BuiltInModelFixture fixture, ITestOutputHelper output)
{
    // One refresh interval plus the time a refresh takes, with room for a loaded CI machine.
    private static readonly TimeSpan Deadline = EndToEndFixture.RefreshInterval + TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Changed_policy_row_is_applied_after_the_refresh_interval()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await PreflightStatusAsync());

        await fixture.WritePolicyRowAsync(Reload(TrustedOrigin).ToEntity());
        var granted = await WaitForAsync(HttpStatusCode.NoContent);

        await fixture.WritePolicyRowAsync(Reload(UntrustedOrigin).ToEntity());
        var revoked = await WaitForAsync(HttpStatusCode.Forbidden);

        output.WriteLine($"grant visible after {granted.TotalMilliseconds:0} ms, revocation after {revoked.TotalMilliseconds:0} ms (refresh every {EndToEndFixture.RefreshInterval.TotalSeconds} s)");
    }

    private async Task<TimeSpan> WaitForAsync(HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = await PreflightStatusAsync()) != expected && clock.Elapsed < Deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(status == expected, $"still {(int)status} after {clock.Elapsed.TotalSeconds:0.0} s, expected {(int)expected}");
        return clock.Elapsed;
    }

    private async Task<HttpStatusCode> PreflightStatusAsync()
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(ReloadRoute, TrustedOrigin, "PUT"));
        return response.StatusCode;
    }
}
