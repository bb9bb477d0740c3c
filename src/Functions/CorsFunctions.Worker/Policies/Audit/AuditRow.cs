namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>One row of a policy's audit partition as read back, with everything wrong with it.</summary>
/// <param name="RowKey">The row's key.</param>
/// <param name="Version">The version the key names; null for a row whose key is not a version (a foreign row).</param>
/// <param name="Entry">The entry, when every field it needs could be read; null otherwise.</param>
/// <param name="ComputedHash">The hash of the row's content as it is now (<see cref="PolicyAuditHash"/>); null without an entry.</param>
/// <param name="Problems">Every field that is missing, of the wrong type or inconsistent; none for a sound row.</param>
internal sealed record AuditRow(string RowKey, int? Version, PolicyAuditEntry? Entry, string? ComputedHash, IReadOnlyList<AuditProblem> Problems);
