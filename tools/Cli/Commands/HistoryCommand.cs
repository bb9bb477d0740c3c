using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
        var command = new Command("history", "List every recorded write of a policy from the audit table, oldest first. Exit 0, 1 when the policy is unknown.");
        command.Options.Add(id);
        command.Options.Add(json);
        table.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var policyId = parse.GetRequiredValue(id);
            var policyTable = table.Connect(parse);
            var entries = await policyTable.HistoryAsync(policyId, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0 && await policyTable.GetAsync(policyId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new CliException(ExitCodes.Refused, $"there is no policy '{policyId}' in the {policyTable.Name}, and no recorded write of one.");
            }

            if (parse.GetValue(json))
            {
                var document = new PolicyHistoryDocument(policyId, [.. entries.Select(PolicyVersionDocument.From)]);
                await output.Output.WriteLineAsync(JsonSerializer.Serialize(document, ManagementJson.Options)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await output.Output.WriteLineAsync($"{policyId}: {entries.Count} recorded write{(entries.Count == 1 ? "" : "s")} ({policyTable.Options.AuditTableName})").ConfigureAwait(false);
            foreach (var entry in entries)
            {
                await output.Output.WriteLineAsync(Line(entry)).ConfigureAwait(false);
                foreach (var (field, before, after) in PolicyDiff.ChangedFields(entry.Before, entry.After))
                {
                    await output.Output.WriteLineAsync($"    {field}: {before ?? "(absent)"} -> {after ?? "(absent)"}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Line(PolicyAuditEntry entry)
    {
        var action = entry.RestoredVersion is { } restored ? $"{entry.Action} to v{restored}" : entry.Action.ToString();
        var who = entry.Writer.Id is null ? entry.Writer.Name : $"{entry.Writer.Name} ({entry.Writer.Id})";
        return $"v{entry.Version}  {entry.At.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}  {action}  by {entry.Writer.Kind} {who} via {entry.Writer.Source}" +
            $"  ETag {entry.BeforeETag ?? "(none)"} -> {entry.AfterETag ?? "(none)"}";
    }
}
