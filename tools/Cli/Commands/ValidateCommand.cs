using System.CommandLine;

namespace CorsFunctions.Cli.Commands;

/// <summary>
/// <c>validate</c>: every error of every policy of a file or of the table, with its code, and the lint warnings of the
/// valid ones; writes nothing. With <c>--strict</c> a warning fails the run too, for CI gates.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(PolicySource source, AppOptions app)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(app);
        var strict = new Option<bool>("--strict") { Description = "Exit 1 on any lint warning too (a CI gate)." };
        var command = new Command("validate", "Validate every policy of a file (--file) or of the table, listing every error with its code, then the lint warnings. " +
            "Exit 0 valid, 1 invalid (or, with --strict, any warning).");
        source.AddTo(command);
        app.AddTo(command);
        command.Options.Add(strict);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var context = app.LintContext(app.Read(parse), parse);
            var (policies, where) = await source.LoadAsync(parse, cancellationToken).ConfigureAwait(false);
            var (valid, warnings) = PolicyValidation.Report(policies, where, output.Output, output.Error, context);
            if (valid && warnings > 0 && parse.GetValue(strict))
            {
                await output.Error.WriteLineAsync($"--strict: {Counted.Of(warnings, "lint warning fails", "lint warnings fail")} the run.").ConfigureAwait(false);
                return ExitCodes.Refused;
            }

            return valid ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
