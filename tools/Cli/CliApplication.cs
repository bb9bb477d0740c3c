using System.CommandLine;
using System.CommandLine.Help;
using Azure.Data.Tables;
using CorsFunctions.Cli.Commands;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>The <c>corsfunctions</c> command line: its commands, and how a run turns into an exit code.</summary>
internal static class CliApplication
{
    /// <summary>The command name the tool is installed as (ToolCommandName).</summary>
    public const string ToolName = "corsfunctions";

    /// <summary>
    /// The root command with every subcommand; <paramref name="clientOptions"/> configure the table calls,
    /// <paramref name="environment"/> is where a connection string may come from besides the command line.
    /// </summary>
    public static Command Create(TableClientOptions clientOptions, CliEnvironment environment)
    {
        var table = new TableOptions(clientOptions, environment);
        var source = new PolicySource(table);
        var file = new Option<FileInfo>("--file") { Description = "The policy file ({ \"policies\": [...] }).", Required = true };
        var id = new Option<string>("--id") { Description = "The policy id.", Required = true };
        var app = new AppOptions();
        // Not a RootCommand, which takes its name from the entry assembly (the usage would read CorsFunctions.Cli): the tool's command name.
        return new Command(ToolName, "Validate, compare, push, pull, check, audit, roll back and export the CORS policies of a CorsFunctions policy table.")
        {
            new HelpOption(),
            new VersionOption(),
            new Option<bool>(CliAction.Verbose)
            {
                Description = "On a failure, print the exception and its stack trace after the one-line message.",
                Recursive = true,
            },
            ValidateCommand.Create(source, app),
            DiffCommand.Create(table, file),
            PushCommand.Create(table, file, app),
            PullCommand.Create(table),
            CheckCommand.Create(source, app),
            HistoryCommand.Create(table, id),
            RollbackCommand.Create(table, id),
            ExportCommand.Create(source),
        };
    }

    /// <summary>
    /// Runs <paramref name="args"/>; a command line that does not parse is a usage error (exit 2) with every problem listed,
    /// and no exception leaves (see <see cref="CliAction"/>: exit 3 for the store, 5 for a bug). Both streams are written
    /// through a <see cref="SecretMaskingWriter"/>, so no key or SAS reaches them. Table calls are retried as the app
    /// retries them (<see cref="TableRetry"/>) unless <paramref name="clientOptions"/> say otherwise; without
    /// <paramref name="environment"/>, nothing is read from standard input or the environment.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        TableClientOptions? clientOptions = null, CliEnvironment? environment = null)
    {
        using var maskedOutput = new SecretMaskingWriter(output);
        using var maskedError = new SecretMaskingWriter(error);
        try
        {
            return await RunMaskedAsync(args, maskedOutput, maskedError, clientOptions ?? TableRetry.CreateOptions(), environment ?? CliEnvironment.None, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            await FlushAsync(maskedOutput).ConfigureAwait(false);
            await FlushAsync(maskedError).ConfigureAwait(false);
        }
    }

    /// <summary>Writes out what <paramref name="writer"/> holds; a stream already closed (its reader gone) has nobody left to tell.</summary>
    private static async Task FlushAsync(TextWriter writer)
    {
        try
        {
            await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<int> RunMaskedAsync(string[] args, TextWriter output, TextWriter error, TableClientOptions clientOptions, CliEnvironment environment,
        CancellationToken cancellationToken)
    {
        var parse = Create(clientOptions, environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"corsfunctions: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run corsfunctions --help (or corsfunctions <command> --help) for the usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            // Without the default handler: an exception System.CommandLine itself meets is not printed with its stack trace and exit 1.
            // Ctrl+C cancels the command's token; the process waits for the command to stop as long as a written policy's
            // audit record may take (the default is 2 s), so an interrupted push never loses the record of what it wrote.
            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = PolicyWritePipeline.PostCommitTimeout + TimeSpan.FromSeconds(5),
            };
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Outside any command's action (which has its own last resort), e.g. standard output closed while help is written.
            await CliAction.FailAsync(parse, error, $"corsfunctions: {CliAction.Unexpected(e)}", e).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
