using System.CommandLine;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Cli.Commands;

/// <summary>
/// <c>push</c>: validates the whole file first (one invalid policy: nothing is written), then writes each new or
/// changed policy conditionally on the ETag read just before (a row changed meanwhile stops the push), and deletes
/// policies that are only in the table only with <c>--prune</c>.
/// </summary>
internal static class PushCommand
{
    public static Command Create(TableOptions table, Option<FileInfo> file)
    {
        ArgumentNullException.ThrowIfNull(table);
        var prune = new Option<bool>("--prune") { Description = "Also delete the policies of the set that the file does not list." };
        var command = new Command("push", "Validate the file, then write its new and changed policies into the table (ETag-safe). Exit 0 written, 1 invalid, 4 conflict.");
        command.Options.Add(file);
        command.Options.Add(prune);
        table.AddTo(command);
        CliAction.Set(command, table, async (parse, output, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            var proposed = await PolicyFile.ReadAsync(path.FullName, cancellationToken).ConfigureAwait(false);
            if (!PolicyValidation.Report(proposed, path.Name, output.Output, output.Error))
            {
                await output.Error.WriteLineAsync("Nothing was written.").ConfigureAwait(false);
                return ExitCodes.Refused;
            }

            var policyTable = table.Connect(parse);
            var stored = await policyTable.ListIfTableExistsAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                await policyTable.CreateTableAsync(cancellationToken).ConfigureAwait(false);
                await output.Output.WriteLineAsync($"created table {policyTable.Options.TableName}").ConfigureAwait(false);
            }

            var changes = PolicyDiff.Between(stored ?? [], proposed);
            var writer = await table.WriterAsync(parse, cancellationToken).ConfigureAwait(false);
            await policyTable.PrepareAuditAsync(cancellationToken).ConfigureAwait(false);
            var written = 0;
            foreach (var change in changes)
            {
                var result = await WriteAsync(policyTable, change, parse.GetValue(prune), writer, cancellationToken).ConfigureAwait(false);
                if (result is null)
                {
                    continue;
                }

                if (result.Status != PolicyWriteStatus.Written)
                {
                    await output.Error.WriteLineAsync($"policy '{change.Id}' changed in the {policyTable.Name} since it was read, so it was not written; " +
                        $"{written} write{(written == 1 ? "" : "s")} before it stand and nothing more was written. Run diff, then push again.").ConfigureAwait(false);
                    return ExitCodes.Conflict;
                }

                written++;
                await output.Output.WriteLineAsync($"{Verb(change.Kind)} {change.Id}{AuditNote.Of(result)}").ConfigureAwait(false);
                await AuditNote.WarnIfMissingAsync(result, change.Id, policyTable, output.Error).ConfigureAwait(false);
            }

            foreach (var kept in changes.Where(c => c.Kind == PolicyChangeKind.OnlyInTable && !parse.GetValue(prune)))
            {
                await output.Output.WriteLineAsync($"kept {kept.Id} (only in the table; --prune deletes it)").ConfigureAwait(false);
            }

            await output.Output.WriteLineAsync($"{policyTable.Name}: {written} written, {changes.Count(c => c.Kind == PolicyChangeKind.Unchanged)} unchanged.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes one change conditionally on the ETag it was read with, audited; null when there is nothing to write.</summary>
    private static async Task<PolicyWriteResult?> WriteAsync(PolicyTable table, PolicyChange change, bool prune, PolicyWriter writer,
        CancellationToken cancellationToken) => change.Kind switch
    {
        PolicyChangeKind.Added or PolicyChangeKind.Changed =>
            await table.SaveAsync(change.Proposed!, change.StoredETag, writer, cancellationToken).ConfigureAwait(false),
        PolicyChangeKind.OnlyInTable when prune =>
            await table.DeleteAsync(change.Id, change.StoredETag!.Value, writer, cancellationToken).ConfigureAwait(false),
        _ => null,
    };

    private static string Verb(PolicyChangeKind kind) => kind switch
    {
        PolicyChangeKind.Added => "created",
        PolicyChangeKind.Changed => "updated",
        _ => "deleted",
    };
}
