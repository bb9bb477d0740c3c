using System.CommandLine;

namespace CorsFunctions.Cli.Commands;

/// <summary><c>validate</c>: every error of every policy of a file or of the table, with its code; writes nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(PolicySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var command = new Command("validate", "Validate every policy of a file (--file) or of the table, listing every error with its code. Exit 0 valid, 1 invalid.");
        source.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var (policies, where) = await source.LoadAsync(parse, cancellationToken).ConfigureAwait(false);
            return PolicyValidation.Report(policies, where, output.Output, output.Error) ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
