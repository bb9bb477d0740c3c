using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// What Table Storage can hold, checked before a write so that a valid policy too large to store is refused with
/// its field named, nothing written, instead of failing in the service half-way through a push: each String
/// property of the policy row, and the size of the policy row and of its audit entry (which holds the definition
/// before and after) against the 1 MiB of one entity.
/// </summary>
internal static class PolicyRowLimits
{
    /// <summary>The longest String a table property holds: 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    // Stand-ins at least as long as what a real write stores: a policy set name, ETags and hashes.
    private static readonly string s_longKey = new('k', 64);
    private static readonly string s_longETag = new('e', 64);
    private static readonly string s_hash = new('h', 64);

    /// <summary>An error for each String property of the row <paramref name="definition"/> is stored as that is too long.</summary>
    public static IReadOnlyList<PolicyError> Check(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return
        [
            .. PolicyEntityMapper.ToEntity("", definition, existing: null, auditVersion: 0)
                .Where(property => property.Value is string { Length: > MaxStringLength })
                .OrderBy(property => property.Key, StringComparer.Ordinal)
                .Select(property => new PolicyError(PolicyErrorCodes.StoredTooLong, property.Key, null,
                    $"is {((string)property.Value).Length} characters long once stored; a table property holds at most {MaxStringLength}.")),
        ];
    }

    /// <summary>
    /// An error for the policy row and for the audit entry of writing <paramref name="definition"/> over
    /// <paramref name="before"/> by <paramref name="writer"/>, each when it would exceed <see cref="TableEntitySize.MaxBytes"/>.
    /// Keys, ETags and hashes are counted at least as long as they will be, so a write that passes fits.
    /// </summary>
    public static IReadOnlyList<PolicyError> CheckEntitySizes(CorsPolicyDefinition definition, CorsPolicyDefinition? before, PolicyWriter writer)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(writer);
        var row = PolicyEntityMapper.ToEntity(s_longKey, definition, existing: null, auditVersion: int.MaxValue);
        var entry = new PolicyAuditEntry(definition.Id, int.MaxValue, PolicyAuditAction.Rollback, DateTimeOffset.UnixEpoch, writer, before, definition,
            s_longETag, s_longETag, int.MaxValue, s_hash);
        var (audit, _) = PolicyAuditRow.ToEntity(s_longKey, entry);
        return [.. TooLarge("policy row", TableEntitySize.Of(row)), .. TooLarge("audit entry (the definition before and after)", TableEntitySize.Of(audit))];
    }

    private static IEnumerable<PolicyError> TooLarge(string what, long size)
    {
        if (size > TableEntitySize.MaxBytes)
        {
            yield return new PolicyError(PolicyErrorCodes.StoredTooLarge, "Definition", null,
                $"would make the {what} {size} bytes; a table entity holds at most {TableEntitySize.MaxBytes}. Shorten the lists or the description.");
        }
    }
}
