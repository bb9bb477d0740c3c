using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Functions.Tests.Diagnostics;

public sealed class HostConsoleLoggerProviderTests : IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly HostConsoleLoggerProvider _provider;

    public HostConsoleLoggerProviderTests() => _provider = new HostConsoleLoggerProvider(_stdout, _stderr);

    public void Dispose()
    {
        _provider.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    [Fact]
    public void Information_of_a_background_category_goes_to_stdout_as_one_line_with_category_and_event_id()
    {
        PolicyLog.SnapshotChanged(_provider.CreateLogger(typeof(PolicySnapshotReporter).FullName!), 3, 1, "CorsPolicies", "default");

        Assert.Equal("info: CorsFunctions.Worker.Policies.PolicySnapshotReporter[2000] Loaded CORS policies from table CorsPolicies, policy set default: 3 (1 invalid)."
            + Environment.NewLine, _stdout.ToString());
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public void A_warning_goes_to_stderr_starting_with_warn_which_the_host_reads_as_its_level()
    {
        PolicyLog.RefreshFailedKeepingSnapshot(_provider.CreateLogger(typeof(PolicySnapshotLoader).FullName!), new TimeoutException("slow"), 2, 60);

        Assert.StartsWith("warn: CorsFunctions.Worker.Policies.PolicySnapshotLoader[2002] Reloading CORS policies failed (2 in a row)",
            _stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public void An_exception_and_line_breaks_stay_on_the_one_line_the_host_relays()
    {
        var logger = _provider.CreateLogger(typeof(PolicySnapshotReporter).FullName!);

        PolicyLog.InvalidPolicy(logger, "items", "/api/items", "MaxAgeSeconds", "abc", "must be a number\nfail: forged");
        PolicyLog.ColdStartFailed(_provider.CreateLogger(typeof(PolicySnapshotLoader).FullName!), new InvalidOperationException("first\r\nsecond"), 1, 1);

        var lines = _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("fail: CorsFunctions.Worker.Policies.PolicySnapshotReporter[2004] CORS policy items is invalid and refuses every CORS request on its routes (/api/items): MaxAgeSeconds abc must be a number fail: forged",
            lines[0]);
        Assert.StartsWith("fail: CorsFunctions.Worker.Policies.PolicySnapshotLoader[2003] Loading CORS policies failed", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("(InvalidOperationException: first  second)", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u2028')] // Zl
    [InlineData('\u2029')] // Zp
    [InlineData('\u202E')] // Cf: right-to-left override
    [InlineData('\u2066')] // Cf: left-to-right isolate
    [InlineData('\u200B')] // Cf: zero-width space
    public void Unicode_separators_and_format_characters_become_spaces_on_the_line_the_host_relays(char unsafeCharacter)
    {
        var logger = _provider.CreateLogger(typeof(PolicySnapshotReporter).FullName!);

        PolicyLog.InvalidPolicy(logger, "items", "/api/items", "Description", "b\u00FCro", $"is wrong{unsafeCharacter}fail: forged");

        var line = Assert.Single(_stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(unsafeCharacter, line);
        Assert.EndsWith("Description b\u00FCro is wrong fail: forged", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_categories_are_not_written_since_invocation_logs_already_reach_the_host()
    {
        var logger = _provider.CreateLogger("CorsFunctions.Worker.Middleware.CorsRequestHandler");

        PolicyLog.ColdStartFailed(logger, new InvalidOperationException("x"), 1, 1);

        Assert.False(logger.IsEnabled(LogLevel.Critical));
        Assert.Empty(_stdout.ToString() + _stderr.ToString());
    }

    [Fact]
    public void The_policy_registration_adds_the_relay_once()
    {
        var services = new ServiceCollection().AddHostConsoleLogs().AddHostConsoleLogs();

        Assert.Single(services, d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(HostConsoleLoggerProvider)
            || d.ServiceType == typeof(ILoggerProvider) && d.ImplementationFactory is not null);
    }
}
