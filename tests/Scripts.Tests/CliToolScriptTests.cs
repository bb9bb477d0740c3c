using CorsFunctions.Scripts.Tests.Support;

namespace CorsFunctions.Scripts.Tests;

/// <summary>
/// scripts/cli-tool.sh: the corsfunctions tool packs (its README is in the package, NU5039), installs from a folder
/// feed into a tool path of its own, and its --help and validate run from the installed tool.
/// </summary>
public sealed class CliToolScriptTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _emptyFeed = Directory.CreateTempSubdirectory("corsfunctions-feed-").FullName;

    [Fact]
    public async Task The_packed_tool_installs_into_a_tool_path_and_runs_help_and_validate()
    {
        var (exitCode, run) = await ScriptProcess.RunAsync("cli-tool.sh", new Dictionary<string, string>(), Timeout);
        using var _ = run;

        Assert.True(exitCode == 0, run.Output);
        Assert.Contains("Tool 'corsfunctions.cli' (version '0.1.0') was successfully installed.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("policies.json: 2 policies, all valid.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--help and validate ran from the installed tool", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_without_the_tool_package_fails_naming_it()
    {
        var (exitCode, run) = await ScriptProcess.RunAsync("cli-tool.sh", new Dictionary<string, string>(), Timeout, "--feed", _emptyFeed);
        using var _ = run;

        Assert.Equal(1, exitCode);
        Assert.Contains("CorsFunctions.Cli.0.1.0.nupkg is missing", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_emptyFeed, recursive: true);
}
