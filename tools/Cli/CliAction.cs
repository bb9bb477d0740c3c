using System.CommandLine;

namespace CorsFunctions.Cli;

/// <summary>
/// Runs a command's body and turns every failure into one line on standard error and an exit code: a
/// <see cref="CliException"/> as it is, a store failure through <see cref="StoreErrors"/> (exit 3), and anything else,
/// a bug, as the last resort (exit 5), so a crash never reads as a policy answer. The stack trace follows only with
/// <c>--verbose</c>.
/// </summary>
internal static class CliAction
{
    /// <summary>The global option that adds the exception and its stack trace to a failure's line.</summary>
    public const string Verbose = "--verbose";

    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, Func<ParseResult, CommandOutput, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new CommandOutput(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var prefix = $"corsfunctions {command.Name}";
            try
            {
                return await body(parse, output, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                await output.Error.WriteLineAsync($"{prefix}: {e.Message}").ConfigureAwait(false);
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: a write already sent was finished and recorded by the write pipeline, whatever the token.
                await output.Error.WriteLineAsync($"{prefix}: cancelled; every write reported above stands and is recorded in the audit log.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (StoreErrors.Describe(e) is { } message)
            {
                await FailAsync(parse, output.Error, $"{prefix}: {message}", e).ConfigureAwait(false);
                return ExitCodes.StoreFailed;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await FailAsync(parse, output.Error, $"{prefix}: {Unexpected(e)}", e).ConfigureAwait(false);
                return ExitCodes.InternalError;
            }
        });
    }

    /// <summary>The line of an unexpected failure: what failed, never its stack trace.</summary>
    public static string Unexpected(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"unexpected error ({exception.GetType().Name}: {OneLine.Of(exception.Message)}). This is a bug in corsfunctions: " +
            $"run again with {Verbose} for the stack trace and report it.";
    }

    /// <summary>Writes <paramref name="line"/>, then with <c>--verbose</c> the whole exception.</summary>
    public static async Task FailAsync(ParseResult parse, TextWriter error, string line, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        await error.WriteLineAsync(line).ConfigureAwait(false);
        if (parse.GetValue<bool>(Verbose))
        {
            await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }
    }
}
