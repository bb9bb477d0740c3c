using System.Reflection;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Compares two definitions field by field: lists by their entries in order, everything else by value. Every public
/// property of <see cref="CorsPolicyDefinition"/> takes part, so a field added to the model is compared without a
/// change here.
/// </summary>
internal static class PolicyDefinitionFields
{
    private static readonly PropertyInfo[] s_fields = typeof(CorsPolicyDefinition).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>The name of every field (also its stored property name) whose value differs, in declaration order.</summary>
    public static IReadOnlyList<string> Differences(CorsPolicyDefinition first, CorsPolicyDefinition second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return [.. s_fields.Where(field => !Same(field.GetValue(first), field.GetValue(second))).Select(field => field.Name)];
    }

    private static bool Same(object? first, object? second) => (first, second) switch
    {
        (IReadOnlyList<string> a, IReadOnlyList<string> b) => a.SequenceEqual(b, StringComparer.Ordinal),
        _ => Equals(first, second),
    };
}
