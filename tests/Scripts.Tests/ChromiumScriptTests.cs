using CorsFunctions.Scripts.Tests.Support;

namespace CorsFunctions.Scripts.Tests;

/// <summary>scripts/chromium.sh finds the browser the end-to-end tests drive: from the environment, then PATH.</summary>
public sealed class ChromiumScriptTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Browser = "#!/bin/sh\necho 'Chromium stand-in'";

    private readonly StandInTools _tools = new();

    [Theory]
    [InlineData("CHROMIUM_PATH")]
    [InlineData("CHROME_PATH")]
    public async Task The_browser_named_by_the_environment_is_used_before_PATH(string variable)
    {
        var browser = _tools.Add("my-browser", Browser);
        _tools.Add("chromium", Browser);

        var (exitCode, run) = await RunAsync(new() { [variable] = browser, ["PATH"] = _tools.PathFirst() });

        using (run)
        {
            Assert.True(exitCode == 0, run.Output);
            Assert.Equal(browser, run.Stdout.Trim());
        }
    }

    [Fact]
    public async Task A_browser_variable_naming_no_executable_is_an_error_not_skipped()
    {
        _tools.Add("chromium", Browser);
        var missing = Path.Combine(_tools.Directory, "no-such-browser");

        var (exitCode, run) = await RunAsync(new() { ["CHROME_PATH"] = missing, ["PATH"] = _tools.PathFirst() });

        using (run)
        {
            Assert.Equal(1, exitCode);
            Assert.Empty(run.Stdout);
            Assert.Contains($"CHROME_PATH={missing} is not an executable Chromium or Chrome", run.Stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("chromium-browser")]
    [InlineData("google-chrome")]
    [InlineData("google-chrome-stable")]
    [InlineData("chrome")]
    public async Task A_browser_on_PATH_is_found_by_any_of_its_usual_names(string name)
    {
        var browser = _tools.Add(name, Browser);

        // Only the stand-in folder on PATH: a browser installed on this machine must not be found instead.
        var (exitCode, run) = await RunAsync(new() { ["PATH"] = _tools.Directory });

        using (run)
        {
            Assert.True(exitCode == 0, run.Output);
            Assert.Equal(browser, run.Stdout.Trim());
        }
    }

    [Fact]
    public async Task No_browser_and_no_way_to_install_one_fails_with_what_to_set()
    {
        var (exitCode, run) = await RunAsync(new() { ["PATH"] = _tools.Directory });

        using (run)
        {
            Assert.Equal(1, exitCode);
            Assert.Empty(run.Stdout);
            Assert.Contains("no Chromium or Chrome found", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("set CHROMIUM_PATH=/path/to/browser", run.Stderr, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _tools.Dispose();

    private static Task<(int ExitCode, ScriptProcess Run)> RunAsync(Dictionary<string, string> environment)
    {
        // test.sh exports CHROMIUM_PATH for the end-to-end suite: each case starts without either variable.
        environment.TryAdd("CHROMIUM_PATH", "");
        environment.TryAdd("CHROME_PATH", "");
        return ScriptProcess.RunAsync("chromium.sh", environment, Timeout);
    }
}
