using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Cli.Commands;

/// <summary><c>history</c>: every recorded write of one policy (API and CLI alike): who, when, what changed, the ETags.</summary>
internal static class HistoryCommand
{
    public static Command Create(TableOptions table, Option<string> id)
    {
        ArgumentNullException.ThrowIfNull(table);
        var json = new Option<bool>("--json") { Description = "Write the history as the JSON of GET cors-policies/{id}/history." };
        var command = new Command("history", "List every recorded write of a policy from the audit table, oldest first. Exit 0 verified, 1 unknown policy, 6 the audit chain does not verify.");
        command.Options.Add(id);
        command.Options.Add(json);
        table.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var policyId = parse.GetRequiredValue(id);
            var policyTable = table.Connect(parse);
            var (history, current) = await policyTable.HistoryAsync(policyId, cancellationToken).ConfigureAwait(false);
            if (history.IsEmpty && current is null)
            {
                throw new CliException(ExitCodes.Refused, $"there is no policy '{policyId}' in the {policyTable.Name}, and no recorded write of one.");
            }

            if (parse.GetValue(json))
            {
                await output.Output.WriteLineAsync(JsonSerializer.Serialize(PolicyHistoryDocument.From(history), CliJson.Output)).ConfigureAwait(false);
                return history.Verified ? ExitCodes.Success : ExitCodes.AuditUnverified;
            }

            var entries = history.Entries;
            await output.Output.WriteLineAsync($"{policyId}: {Counted.Of(entries.Count, "recorded write", "recorded writes")} ({policyTable.Options.AuditTableName})").ConfigureAwait(false);
            foreach (var entry in entries)
            {
                await output.Output.WriteLineAsync(Line(entry)).ConfigureAwait(false);
                foreach (var line in Changes(entry))
                {
                    await output.Output.WriteLineAsync(line).ConfigureAwait(false);
                }
            }

            foreach (var version in history.UnrecordedChangesBefore)
            {
                await output.Output.WriteLineAsync($"note: the row was changed outside the write pipeline before v{version} (its ETag before is not v{version - 1}'s after).")
                    .ConfigureAwait(false);
            }

            if (history.RowChangedSinceLastEntry)
            {
                await output.Output.WriteLineAsync($"note: the row was changed outside the write pipeline after v{entries[^1].Version} (it is not what that write left).")
                    .ConfigureAwait(false);
            }

            if (history.Verified)
            {
                await output.Output.WriteLineAsync(Chained(history)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await output.Error.WriteLineAsync($"audit chain of '{policyId}' does not verify: first break at {history.FirstBreak?.ToString() ?? history.Problems[0].ToString()}").ConfigureAwait(false);
            foreach (var problem in history.Problems)
            {
                await output.Error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
            }

            return ExitCodes.AuditUnverified;
        });
        return command;
    }

    private static string Chained(PolicyAuditHistory history) => history.ChainedFrom switch
    {
        null when history.Entries.Count > 0 => $"audit chain: no version is chained (all {history.Entries.Count} were written before the chain).",
        null => "audit chain: empty.",
        1 => $"audit chain: verified, v1 to v{history.Entries[^1].Version}.",
        var from => $"audit chain: verified, v{from} to v{history.Entries[^1].Version} (v1 to v{from - 1} were written before the chain and are covered by v{from}'s hash only).",
    };

    /// <summary>
    /// What the write did to the definition: the whole definition it created or deleted (a field-by-field diff against
    /// nothing would read as every field going from or to absent), else each field it changed.
    /// </summary>
    private static IEnumerable<string> Changes(PolicyAuditEntry entry) => (entry.Before, entry.After) switch
    {
        (null, { } created) => ["    created:", .. Definition(created)],
        ({ } deleted, null) => ["    deleted, it was:", .. Definition(deleted)],
        var (before, after) => PolicyDiff.ChangedFields(before, after).Select(f => $"    {f.Field}: {f.Before ?? "(absent)"} -> {f.After ?? "(absent)"}"),
    };

    private static IEnumerable<string> Definition(CorsPolicyDefinition definition) =>
        PolicyDiff.FieldsOf(definition).Select(f => $"      {f.Field}: {f.Value}");

    private static string Line(PolicyAuditEntry entry)
    {
        var action = entry.RestoredVersion is { } restored ? $"{entry.Action} to v{restored}" : entry.Action.ToString();
        var who = entry.Writer.Id is null ? entry.Writer.Name : $"{entry.Writer.Name} ({entry.Writer.Id})";
        return $"v{entry.Version}  {entry.At.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}  {action}  by {entry.Writer.Kind} {who} via {entry.Writer.Source}" +
            $"  ETag {entry.BeforeETag ?? "(none)"} -> {entry.AfterETag ?? "(none)"}  hash {entry.Hash?[..12] ?? "(none)"}";
    }
}
