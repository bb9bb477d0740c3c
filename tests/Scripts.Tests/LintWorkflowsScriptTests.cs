using CorsFunctions.Scripts.Tests.Support;

namespace CorsFunctions.Scripts.Tests;

/// <summary>
/// scripts/lint-workflows.sh: the repository's GitHub Actions workflows pass action-validator's schema check, and a
/// workflow that breaks the schema fails it with the offending property named.
/// </summary>
public sealed class LintWorkflowsScriptTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _folder = Directory.CreateTempSubdirectory("corsfunctions-workflows-").FullName;

    [Fact]
    public async Task The_ci_and_release_workflows_are_valid()
    {
        var (exitCode, run) = await ScriptProcess.RunAsync("lint-workflows.sh", new Dictionary<string, string>(), Timeout);
        using var _ = run;

        Assert.True(exitCode == 0, run.Output);
        Assert.Contains("lint-workflows: .github/workflows/ci.yml: valid", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("lint-workflows: .github/workflows/release.yml: valid", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_release_pushes_with_the_secret_and_ci_runs_the_ci_entry_point()
    {
        var release = await File.ReadAllTextAsync(Repository.PathOf(".github", "workflows", "release.yml"));
        var ci = await File.ReadAllTextAsync(Repository.PathOf(".github", "workflows", "ci.yml"));

        Assert.Contains("tags: [\"v*\"]", release, StringComparison.Ordinal);
        Assert.Contains("NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}", release, StringComparison.Ordinal);
        Assert.Contains("dotnet nuget push \"$package\" --api-key \"$NUGET_API_KEY\"", release, StringComparison.Ordinal);
        Assert.Contains("run: bash .ci/run", release, StringComparison.Ordinal);
        Assert.Contains("run: bash .ci/run", ci, StringComparison.Ordinal);
        Assert.Contains("exec bash scripts/test.sh", await File.ReadAllTextAsync(Repository.PathOf(".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_that_breaks_the_schema_fails_naming_the_property()
    {
        var broken = Path.Combine(_folder, "broken.yml");
        await File.WriteAllTextAsync(broken, "name: broken\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");

        var (exitCode, run) = await ScriptProcess.RunAsync("lint-workflows.sh", new Dictionary<string, string>(), Timeout, broken);
        using var _ = run;

        Assert.Equal(1, exitCode);
        Assert.Contains("Additional property 'stepz' is not allowed", run.Output, StringComparison.Ordinal);
        Assert.Contains($"lint-workflows: {broken}: invalid", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
