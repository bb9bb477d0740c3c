namespace CorsFunctions.Cli;

/// <summary>Where a command writes: results to <see cref="Output"/>, errors and warnings to <see cref="Error"/>.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CommandOutput(TextWriter Output, TextWriter Error);
