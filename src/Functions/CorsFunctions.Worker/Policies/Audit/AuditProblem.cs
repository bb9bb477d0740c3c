namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>Something wrong with the audit log of one policy, found when it was read back.</summary>
/// <param name="Version">The version concerned; null for a row that holds no version at all (a foreign row).</param>
/// <param name="RowKey">The row concerned, when there is one (a missing version has none).</param>
/// <param name="Message">What is wrong, for people.</param>
internal sealed record AuditProblem(int? Version, string? RowKey, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Version is { } version ? $"v{version}: {Message}" : $"row '{RowKey}': {Message}";
}
