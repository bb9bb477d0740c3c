namespace CorsFunctions.Cli.Tests.Support;

/// <summary>What one run of the tool gave: its exit code and everything it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
