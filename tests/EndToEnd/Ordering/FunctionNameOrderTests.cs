using System.Net;
using CorsFunctions.EndToEnd.Emulator;
using CorsFunctions.EndToEnd.Fixtures;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Ordering;

/// <summary>
/// The host tries routes in function-name order: a function accepting OPTIONS takes its route's preflights only when its
/// name sorts before CorsPreflight, and the start-up warnings name exactly those functions.
/// </summary>
public sealed class FunctionNameOrderTests(FunctionNamesFixture fixture) : IClassFixture<FunctionNamesFixture>
{
    private const string SetupCategory = "CorsFunctions.Worker.Diagnostics.CorsSetupDiagnostics";
    private static readonly TimeSpan WarningTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_function_without_methods_named_before_CorsPreflight_takes_its_preflights_and_they_fail_on_its_key()
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight("/api/basket", TrustedOrigin, "GET"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Vary"), "the host answered: the worker never saw the preflight");
    }

    [Theory]
    [InlineData("/api/ping")] // no methods, named after CorsPreflight
    [InlineData("/api/widgets")] // lists options, named after CorsPreflight
    public async Task A_function_accepting_OPTIONS_named_after_CorsPreflight_leaves_its_preflights_to_CorsPreflight(string path)
    {
        using var response = await fixture.Api.SendAsync(EndToEndFixture.Preflight(path, TrustedOrigin, "GET"));

        // No policy governs the route: the middleware refuses it (403 with Vary), where the function would have needed a key (401).
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.Headers.Contains("Vary"), "CorsPreflight's middleware answered");
    }

    [Fact]
    public async Task Start_up_warns_about_exactly_the_function_that_takes_preflights()
    {
        // The policy checks run after the method checks: once Ping's no-policy warning is out, every method warning is.
        var last = await fixture.Host.Log.WaitForAsync(e => e.Source == HostLogSource.WorkerConsole
            && e.Message.StartsWith($"warn: {SetupCategory}[3003] ", StringComparison.Ordinal)
            && e.Message.Contains("HTTP function Ping ", StringComparison.Ordinal), WarningTimeout);
        Assert.True(last is not null, $"No policy warning within {WarningTimeout.TotalSeconds:0} s:{Environment.NewLine}{fixture.Host.RecentOutput}");

        var methodWarnings = fixture.Host.Log.Entries
            .Where(e => e.Message.StartsWith($"warn: {SetupCategory}[3000] ", StringComparison.Ordinal)
                || e.Message.StartsWith($"warn: {SetupCategory}[3001] ", StringComparison.Ordinal))
            .ToList();
        var warning = Assert.Single(methodWarnings);
        Assert.Contains("[3000] HTTP function Basket (route /api/basket) lists no methods", warning.Message, StringComparison.Ordinal);
    }
}
