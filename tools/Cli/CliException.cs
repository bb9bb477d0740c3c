namespace CorsFunctions.Cli;

/// <summary>A failure the user can act on: its message is printed as it is and the tool exits with <see cref="ExitCode"/>.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message)
        : this(ExitCodes.BadInput, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.BadInput;

    /// <summary>The exit code the tool returns.</summary>
    public int ExitCode { get; } = ExitCodes.BadInput;
}
