using System.CommandLine;

namespace CorsFunctions.Cli.Commands;

/// <summary><c>pull</c>: the policies of the table as a policy file, ready to edit and push back.</summary>
internal static class PullCommand
{
    public static Command Create(TableOptions table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var outputFile = new Option<FileInfo?>("--output") { Description = "The file to write; without it, standard output." };
        var command = new Command("pull", "Write the policies of the table as a policy file (invalid rows as they read, with a warning).");
        command.Options.Add(outputFile);
        table.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var policyTable = table.Connect(parse);
            var stored = await policyTable.ListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (id, _, errors) in PolicyValidation.Check(stored))
            {
                await output.Error.WriteLineAsync($"warning: policy '{id}' is invalid in the table ({string.Join("; ", errors)}); it is written as it reads.").ConfigureAwait(false);
            }

            var json = PolicyFile.Format(stored.Select(p => p.Definition));
            if (parse.GetValue(outputFile) is { } file)
            {
                await OutputFiles.WriteAsync(file, json, cancellationToken).ConfigureAwait(false);
                await output.Output.WriteLineAsync($"{policyTable.Name}: {Counted.Policies(stored.Count)} written to {file.Name}.").ConfigureAwait(false);
            }
            else
            {
                await output.Output.WriteLineAsync(json).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
