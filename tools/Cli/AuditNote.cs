using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>What a command says about the audit entry of a write it made.</summary>
internal static class AuditNote
{
    /// <summary><c> (audit version 3)</c>, or nothing when no entry was recorded.</summary>
    public static string Of(PolicyWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Audit is { } entry ? $" (audit version {entry.Version})" : "";
    }

    /// <summary>Warns when the write stands but its audit entry could not be recorded.</summary>
    public static async Task WarnIfMissingAsync(PolicyWriteResult result, string id, PolicyTable table, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(error);
        if (result.Audit is null)
        {
            await error.WriteLineAsync($"warning: policy '{id}' was written but the audit table {table.Options.AuditTableName} could not record it; " +
                "check this identity's role on that table.").ConfigureAwait(false);
        }
    }
}
