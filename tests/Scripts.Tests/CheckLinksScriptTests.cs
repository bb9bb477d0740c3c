using CorsFunctions.Scripts.Tests.Support;

namespace CorsFunctions.Scripts.Tests;

/// <summary>
/// scripts/check-links.sh over a small Markdown tree of the test's own: a relative link to a missing file or to an
/// anchor no heading of the target defines is reported with its file and line, and fails the check; a link that
/// resolves is not reported.
/// </summary>
public sealed class CheckLinksScriptTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _root = Directory.CreateTempSubdirectory("corsfunctions-links-").FullName;

    [Fact]
    public async Task Links_to_existing_files_and_headings_are_not_reported()
    {
        Write("docs/policies.md", """
            # Policies

            ## Validation rules

            ## Configuration (section `CorsPolicies`, app settings `CorsPolicies__*`)

            ## Notes

            ## Notes
            """);
        Write("samples/policies.json", "{}");
        Write("README.md", """
            # CorsFunctions

            See [the rules](docs/policies.md#validation-rules), [settings](docs/policies.md#configuration-section-corspolicies-app-settings-corspolicies__),
            [the second Notes](docs/policies.md#notes-1), [a sample](samples/policies.json), [the docs folder](docs/)
            and [this page](#corsfunctions), [from the root](/docs/policies.md), [outside](https://example.com/missing.md).
            """);

        var (exitCode, run) = await RunAsync();

        using (run)
        {
            Assert.True(exitCode == 0, run.Output);
            Assert.DoesNotContain("broken link", run.Stdout, StringComparison.Ordinal);
            // Seven relative links; the https one is not checked.
            Assert.Contains("check-links: 7 links checked in 2 files, 0 broken", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_link_to_a_missing_file_is_reported_with_its_line()
    {
        Write("README.md", """
            # CorsFunctions

            Deploy it: [deployment](docs/deployment.md).
            """);

        var (exitCode, run) = await RunAsync();

        using (run)
        {
            Assert.Equal(1, exitCode);
            Assert.Contains("README.md:3: broken link docs/deployment.md: no file docs/deployment.md", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("1 broken", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_link_to_an_anchor_no_heading_defines_is_reported()
    {
        Write("docs/policies.md", "# Policies\n\n## Validation rules\n");
        Write("docs/testing.md", """
            # Tests

            The numbers of the [validation rules](#validation-rules) table.
            Rules by name: [rules](policies.md#validation-rule).
            """);

        var (exitCode, run) = await RunAsync();

        using (run)
        {
            Assert.Equal(1, exitCode);
            Assert.Contains($"docs{Path.DirectorySeparatorChar}testing.md:3: broken link #validation-rules: no heading '#validation-rules' in docs{Path.DirectorySeparatorChar}testing.md", run.Stdout, StringComparison.Ordinal);
            Assert.Contains($"docs{Path.DirectorySeparatorChar}testing.md:4: broken link policies.md#validation-rule: no heading '#validation-rule' in docs{Path.DirectorySeparatorChar}policies.md", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("2 broken", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Code_and_installed_folders_are_not_read_as_links()
    {
        Write("README.md", """
            # CorsFunctions

            `[not a link](missing.md)`

            ```markdown
            [not a link either](missing.md)
            ```
            """);
        Write("node_modules/some-package/README.md", "[broken](missing.md)");
        Write("src/App/bin/Release/README.md", "[broken](missing.md)");

        var (exitCode, run) = await RunAsync();

        using (run)
        {
            Assert.True(exitCode == 0, run.Output);
            Assert.Contains("check-links: 0 links checked in 1 files, 0 broken", run.Stdout, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    private Task<(int ExitCode, ScriptProcess Run)> RunAsync() =>
        ScriptProcess.RunAsync("check-links.sh", new Dictionary<string, string>(), Timeout, "--root", _root);
}
