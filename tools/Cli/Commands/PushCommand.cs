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
    public static Command Create(TableOptions table, Option<FileInfo> file, AppOptions app)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(app);
        var prune = new Option<bool>("--prune") { Description = "Also delete the policies of the set that the file does not list." };
        var command = new Command("push", "Validate the file, then write its new and changed policies into the table (ETag-safe). Exit 0 written, 1 invalid, 4 conflict.");
        command.Options.Add(file);
        command.Options.Add(prune);
        table.AddTo(command);
        app.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            var context = app.LintContext(app.Read(parse), parse);
            var proposed = await PolicyFile.ReadAsync(path.FullName, cancellationToken).ConfigureAwait(false);

            // Lint warnings are advice: they are printed, and the push goes on.
            if (!PolicyValidation.Report(proposed, path.Name, output.Output, output.Error, context).Valid)
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
            var pruning = parse.GetValue(prune);
            var writes = changes.Where(c => c.Kind is PolicyChangeKind.Added or PolicyChangeKind.Changed || (pruning && c.Kind == PolicyChangeKind.OnlyInTable)).ToList();
            PolicyWriter? writer = null; // prepared on the first write only: a push that writes nothing touches no audit table
            var written = 0;
            foreach (var change in writes)
            {
                writer ??= await policyTable.PrepareWriteAsync(cancellationToken).ConfigureAwait(false);
                var result = await WriteAsync(policyTable, change, writer, cancellationToken).ConfigureAwait(false);
                if (result.Status != PolicyWriteStatus.Written)
                {
                    await output.Error.WriteLineAsync($"policy '{change.Id}' changed in the {policyTable.Name} since it was read, so it was not written; " +
                        $"{Counted.Of(written, "write", "writes")} before it stand and nothing more was written. Run diff, then push again.").ConfigureAwait(false);
                    return ExitCodes.Conflict;
                }

                written++;
                await output.Output.WriteLineAsync($"{Verb(change.Kind)} {change.Id}{AuditNote.Of(result)}").ConfigureAwait(false);
                await AuditNote.WarnIfMissingAsync(result, change.Id, policyTable, output.Error).ConfigureAwait(false);
            }

            foreach (var kept in changes.Where(c => c.Kind == PolicyChangeKind.OnlyInTable && !pruning))
            {
                await output.Output.WriteLineAsync($"kept {kept.Id} (only in the table; --prune deletes it)").ConfigureAwait(false);
            }

            await output.Output.WriteLineAsync($"{policyTable.Name}: {written} written, {changes.Count(c => c.Kind == PolicyChangeKind.Unchanged)} unchanged.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes one change conditionally on the ETag it was read with, audited: a policy only in the table is deleted.</summary>
    private static Task<PolicyWriteResult> WriteAsync(PolicyTable table, PolicyChange change, PolicyWriter writer, CancellationToken cancellationToken) =>
        change.Kind == PolicyChangeKind.OnlyInTable
            ? table.DeleteAsync(change.Id, change.StoredETag!.Value, writer, cancellationToken)
            : table.SaveAsync(change.Proposed!, change.StoredETag, writer, cancellationToken);

    private static string Verb(PolicyChangeKind kind) => kind switch
    {
        PolicyChangeKind.Added => "created",
        PolicyChangeKind.Changed => "updated",
        _ => "deleted",
    };
}
