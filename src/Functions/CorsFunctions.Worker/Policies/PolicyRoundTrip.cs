using System.Globalization;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The invariant that makes a review mean something: the row a definition is stored as reads back to that very
/// definition, field by field, so what was validated (by <c>validate</c>, a dry run or the write itself) is what the
/// snapshot enforces. Core's rules already exclude every entry the comma-separated lists cannot hold; this check
/// stands behind them for whatever a future field or rule might miss.
/// </summary>
internal static class PolicyRoundTrip
{
    /// <summary>An error for each field of <paramref name="definition"/> that its stored row would read back differently.</summary>
    public static IReadOnlyList<PolicyError> Check(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var row = PolicyEntityMapper.ToEntity("", definition, existing: null, auditVersion: 0);
        var readBack = PolicyEntityMapper.Read(row);
        var read = readBack.Definition;
        return
        [
            .. readBack.ReadErrors,
            .. PolicyDefinitionFields.Differences(definition, read).Select(field => new PolicyError(PolicyErrorCodes.StoredRoundTrip, field,
                SafeLogValue.Bound(Text(definition, field)),
                $"would be stored as a row that reads back as '{SafeLogValue.Bound(Text(read, field))}', so the policy in force would differ from the one validated.")),
        ];
    }

    private static string? Text(CorsPolicyDefinition definition, string field) =>
        typeof(CorsPolicyDefinition).GetProperty(field)!.GetValue(definition) switch
        {
            IReadOnlyList<string> list => "[" + string.Join(" | ", list) + "]",
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
}
