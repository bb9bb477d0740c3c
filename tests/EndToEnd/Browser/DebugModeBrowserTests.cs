using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>
/// What a developer reads in Chromium's console when a page sends a header the policy does not allow: a generic CORS
/// error with debug mode off, the header's name once debug mode is turned on in the table while the worker runs.
/// </summary>
public abstract class DebugModeBrowserTests(EndToEndFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const string RefusedHeader = "X-Trace-Id";

    // One refresh interval plus the time a refresh takes, with room for a loaded CI machine.
    private static readonly TimeSpan ReloadDeadline = EndToEndFixture.RefreshInterval + TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConsoleDeadline = TimeSpan.FromSeconds(5);

    public Task InitializeAsync() => SetDebugAsync(false);

    // The row goes back to how it was seeded, whatever the test did to it.
    public Task DisposeAsync() => SetDebugAsync(false);

    [Fact]
    public async Task A_refused_header_is_a_generic_cors_error_with_debug_off_and_is_named_once_debug_is_turned_on_live()
    {
        var off = await ConsoleErrorOfFetchAsync();

        Assert.Contains("has been blocked by CORS policy", off, StringComparison.Ordinal);
        Assert.Contains("No 'Access-Control-Allow-Origin' header", off, StringComparison.Ordinal);
        Assert.DoesNotContain(RefusedHeader, off, StringComparison.OrdinalIgnoreCase);

        await SetDebugAsync(true);
        var on = await ConsoleErrorOfFetchAsync();

        Assert.Contains("has been blocked by CORS policy", on, StringComparison.Ordinal);
        Assert.Contains($"Request header field {RefusedHeader.ToLowerInvariant()} is not allowed by Access-Control-Allow-Headers", on,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_debug_answer_is_204_with_the_lists_and_an_origin_it_does_not_allow_still_gets_403_without_them()
    {
        await SetDebugAsync(true);

        using var refusedHeader = await fixture.Api.SendAsync(EndToEndFixture.Preflight(DebugRoute, fixture.Page.SerializedOrigin, "PUT", "x-trace-id"));
        using var refusedOrigin = await fixture.Api.SendAsync(EndToEndFixture.Preflight(DebugRoute, UntrustedOrigin, "PUT", "x-trace-id"));

        Assert.Equal(HttpStatusCode.NoContent, refusedHeader.StatusCode);
        Assert.Equal(fixture.Page.SerializedOrigin, Assert.Single(refusedHeader.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(DebugAllowedHeader, Assert.Single(refusedHeader.Headers.GetValues("Access-Control-Allow-Headers")));
        Assert.False(refusedHeader.Headers.Contains("Access-Control-Max-Age"));
        Assert.Equal(HttpStatusCode.Forbidden, refusedOrigin.StatusCode);
        Assert.False(refusedOrigin.Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>
    /// Runs the refused fetch in a fresh browser context (no preflight cache) and returns the console error Chromium
    /// wrote about it; the page itself only ever sees a TypeError.
    /// </summary>
    private async Task<string> ConsoleErrorOfFetchAsync()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var messages = new ConcurrentQueue<string>();
        page.Console += (_, message) => messages.Enqueue(message.Text);
        await page.GotoAsync(fixture.Page.Origin.ToString());

        var url = new Uri(fixture.ApiBase, $"{DebugRoute}?code={fixture.FunctionKey}");
        var outcome = await PageFetch.RunAsync(page, url, new { method = "PUT", headers = new Dictionary<string, string> { [RefusedHeader] = "1" } });
        Assert.False(outcome.Resolved, $"fetch resolved with {outcome.Status}; the browser should have blocked it");

        var clock = Stopwatch.StartNew();
        string? error;
        while ((error = messages.FirstOrDefault(m => m.Contains("CORS policy", StringComparison.Ordinal))) is null && clock.Elapsed < ConsoleDeadline)
        {
            await Task.Delay(50);
        }

        Assert.True(error is not null, $"no CORS error in the console; it held: {string.Join(" | ", messages)}");
        output.WriteLine(error);
        return error;
    }

    /// <summary>Writes the debug flag to the policy row and waits until the worker answers with it.</summary>
    private async Task SetDebugAsync(bool debug)
    {
        await fixture.WritePolicyRowAsync(DebugPolicy(fixture.Page.SerializedOrigin, debug).ToEntity());
        var expected = debug ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden;
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = await PreflightStatusAsync()) != expected && clock.Elapsed < ReloadDeadline)
        {
            await Task.Delay(50);
        }

        Assert.True(status == expected, $"debug={debug}: the refused header's preflight is still {(int)status} after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<HttpStatusCode> PreflightStatusAsync()
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(DebugRoute, fixture.Page.SerializedOrigin, "PUT", "x-trace-id"));
        return response.StatusCode;
    }
}
