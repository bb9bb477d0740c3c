using System.CommandLine;

namespace CorsFunctions.Cli.Commands;

/// <summary><c>diff</c>: what a push of the file would change in the table, field by field; writes nothing.</summary>
internal static class DiffCommand
{
    public static Command Create(TableOptions table, Option<FileInfo> file)
    {
        ArgumentNullException.ThrowIfNull(table);
        var command = new Command("diff", "Show what pushing the file would change in the table. Exit 0 no difference, 1 differences.");
        command.Options.Add(file);
        table.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var proposed = await PolicyFile.ReadAsync(parse.GetRequiredValue(file).FullName, cancellationToken).ConfigureAwait(false);
            var policyTable = table.Connect(parse);
            var stored = await policyTable.ListIfTableExistsAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                await output.Output.WriteLineAsync($"table {policyTable.Options.TableName} does not exist yet (push creates it).").ConfigureAwait(false);
            }

            var changes = PolicyDiff.Between(stored ?? [], proposed);
            PolicyDiff.Write(changes, output.Output);
            return changes.All(c => c.Kind == PolicyChangeKind.Unchanged) ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
