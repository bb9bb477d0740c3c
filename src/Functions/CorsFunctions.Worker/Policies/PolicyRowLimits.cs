using Azure.Data.Tables;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// What Table Storage can hold in one row, checked before a write so that a valid policy too large to store is
/// refused with its field named instead of failing in the service half-way through a push.
/// </summary>
internal static class PolicyRowLimits
{
    /// <summary>The longest String a table property holds: 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>An error for each String property of the row <paramref name="definition"/> is stored as that is too long.</summary>
    public static IReadOnlyList<PolicyError> Check(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return
        [
            .. PolicyEntityMapper.ToEntity("", definition, existing: null)
                .Where(property => property.Value is string { Length: > MaxStringLength })
                .OrderBy(property => property.Key, StringComparer.Ordinal)
                .Select(property => new PolicyError(PolicyErrorCodes.StoredTooLong, property.Key, null,
                    $"is {((string)property.Value).Length} characters long once stored; a table property holds at most {MaxStringLength}.")),
        ];
    }
}
