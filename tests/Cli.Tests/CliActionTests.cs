using Azure.Core;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Cli.Tests;

/// <summary>
/// The last resort around every command: a failure the tool does not know is one line and exit 5 (never 1, which a
/// CI gate reads as "invalid" or "differences"); its stack trace only with --verbose.
/// </summary>
public sealed class CliActionTests
{
    private static Task<CliResult> RunWithABugAsync(params string[] args)
    {
        var options = ProductionRetries.WithShortDelays();
        options.AddPolicy(new ThrowingPolicy(new InvalidOperationException("boom\nsecond line")), HttpPipelinePosition.PerCall);
        return Tool.RunAsync(options, args);
    }

    [Fact]
    public async Task An_unexpected_failure_is_one_line_naming_it_and_exit_5()
    {
        var result = await RunWithABugAsync("validate", "--connection-string", ClosedPort.ConnectionString);

        Assert.Equal(ExitCodes.InternalError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("corsfunctions validate: unexpected error (InvalidOperationException: boom). This is a bug", line, StringComparison.Ordinal);
        Assert.Contains("--verbose", line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData(true, ExitCodes.InternalError, "unexpected error (InvalidOperationException: boom)", "System.InvalidOperationException: boom")]
    [InlineData(false, ExitCodes.StoreFailed, "table CorsPolicies: the table service cannot be reached", "TableStoreException: Table CorsPolicies: Retry failed after 4 tries")]
    public async Task With_verbose_a_failure_is_followed_by_the_exception_and_its_stack_trace(bool bug, int exitCode, string line, string exception)
    {
        string[] args = ["validate", "--connection-string", ClosedPort.ConnectionString, "--verbose"];

        var result = bug ? await RunWithABugAsync(args) : await Tool.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith($"corsfunctions validate: {line}", result.Error, StringComparison.Ordinal);
        Assert.Contains(exception, result.Error, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_outside_any_command_is_exit_5_in_one_line_too()
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["--help"], new ClosedWriter(), error, CancellationToken.None);

        Assert.Equal(ExitCodes.InternalError, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("corsfunctions: unexpected error (IOException: ", line, StringComparison.Ordinal);
    }

    /// <summary>Standard output that was closed (a pipe whose reader is gone).</summary>
    private sealed class ClosedWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("Broken pipe");
    }
}
