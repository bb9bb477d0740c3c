namespace CorsFunctions.Cli;

/// <summary>What a run may read besides its arguments: standard input (<c>--connection-string -</c>) and environment variables.</summary>
/// <param name="Input">Standard input.</param>
/// <param name="Variable">The value of an environment variable, or null.</param>
internal sealed record CliEnvironment(TextReader Input, Func<string, string?> Variable)
{
    /// <summary>The process's own standard input and environment.</summary>
    public static CliEnvironment Process { get; } = new(Console.In, Environment.GetEnvironmentVariable);

    /// <summary>No input and no variable (a run that gets everything from its arguments).</summary>
    public static CliEnvironment None { get; } = new(TextReader.Null, _ => null);
}
