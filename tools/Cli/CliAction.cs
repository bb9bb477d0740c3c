using System.CommandLine;

namespace CorsFunctions.Cli;

/// <summary>
/// Runs a command's body and turns every failure the user can act on into a message and an exit code: a
/// <see cref="CliException"/> as it is, a store failure through <see cref="StoreErrors"/> (exit 3). Anything else is a bug and propagates.
/// </summary>
internal static class CliAction
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, Func<ParseResult, CommandOutput, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new CommandOutput(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            try
            {
                return await body(parse, output, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                await output.Error.WriteLineAsync($"corsfunctions {command.Name}: {e.Message}").ConfigureAwait(false);
                return e.ExitCode;
            }
            catch (Exception e) when (StoreErrors.Describe(e) is { } message)
            {
                await output.Error.WriteLineAsync($"corsfunctions {command.Name}: {message}").ConfigureAwait(false);
                return ExitCodes.StoreFailed;
            }
        });
    }
}
