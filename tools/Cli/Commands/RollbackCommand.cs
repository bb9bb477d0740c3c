using System.CommandLine;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli.Commands;

/// <summary>
/// <c>rollback</c>: writes again the definition an earlier version left behind, as a normal write: validated against
/// today's rules, conditional on the row read just before, and recorded in the audit log as a rollback.
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(TableOptions table, Option<string> id)
    {
        ArgumentNullException.ThrowIfNull(table);
        var version = new Option<int>("--version") { Description = "The version to restore (see history).", Required = true };
        var command = new Command("rollback", "Restore the definition a recorded version left behind (audited). Exit 0 restored, 1 no such version or invalid today, 4 conflict, 6 the audit chain does not verify through that version.");
        command.Options.Add(id);
        command.Options.Add(version);
        table.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var (policyId, number) = (parse.GetRequiredValue(id), parse.GetValue(version));
            var policyTable = table.Connect(parse);
            var writer = await policyTable.PrepareWriteAsync(cancellationToken).ConfigureAwait(false);
            var result = await policyTable.RollbackAsync(policyId, number, writer, cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case PolicyWriteStatus.VersionNotFound:
                    var (history, _) = await policyTable.HistoryAsync(policyId, cancellationToken).ConfigureAwait(false);
                    throw new CliException(ExitCodes.Refused, history.Entries.Count == 0
                        ? $"policy '{policyId}' has no recorded write to restore."
                        : $"policy '{policyId}' has no version {number}; its history has versions 1 to {history.Entries[^1].Version}.");
                case PolicyWriteStatus.VersionNotRestorable:
                    throw new CliException(ExitCodes.Refused, $"version {number} of '{policyId}' deleted it, so it left nothing to restore; pick an earlier version.");
                case PolicyWriteStatus.ChainBroken:
                    throw new CliException(ExitCodes.AuditUnverified,
                        $"version {number} of '{policyId}' cannot be trusted, so nothing was restored: the audit chain breaks at {result.Break}. Run history.");
                case PolicyWriteStatus.Invalid:
                    await output.Error.WriteLineAsync($"version {number} of '{policyId}' no longer passes validation; nothing was written:").ConfigureAwait(false);
                    foreach (var error in result.Errors)
                    {
                        await output.Error.WriteLineAsync($"  {error}").ConfigureAwait(false);
                    }

                    return ExitCodes.Refused;
                case PolicyWriteStatus.Written:
                    await output.Output.WriteLineAsync($"restored {policyId} to version {number}{AuditNote.Of(result)}").ConfigureAwait(false);
                    await AuditNote.WarnIfMissingAsync(result, policyId, policyTable, output.Error).ConfigureAwait(false);
                    return ExitCodes.Success;
                default:
                    await output.Error.WriteLineAsync($"policy '{policyId}' changed in the {policyTable.Name} while it was being restored; nothing was written. " +
                        "Run history, then rollback again.").ConfigureAwait(false);
                    return ExitCodes.Conflict;
            }
        });
        return command;
    }
}
