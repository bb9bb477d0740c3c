using System.Text.Json;
using System.Text.Json.Nodes;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// Compares the policies of a file with those of the table, field by field in their JSON form (so a field reads
/// the same in the diff as in the file), lists in their stored order.
/// </summary>
internal static class PolicyDiff
{
    private static readonly JsonSerializerOptions s_compact = new(CliJson.Output) { WriteIndented = false };

    /// <summary>Every policy of either side, in id order.</summary>
    public static IReadOnlyList<PolicyChange> Between(IReadOnlyList<StoredPolicy> stored, IReadOnlyList<StoredPolicy> proposed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(proposed);
        var storedById = stored.ToDictionary(p => p.Definition.Id, StringComparer.Ordinal);
        var proposedIds = proposed.Select(p => p.Definition.Id).ToHashSet(StringComparer.Ordinal);
        var changes = proposed.Select(p => storedById.TryGetValue(p.Definition.Id, out var row) ? Compare(row, p.Definition) : Added(p.Definition))
            .Concat(stored.Where(p => !proposedIds.Contains(p.Definition.Id)).Select(p =>
                new PolicyChange(p.Definition.Id, PolicyChangeKind.OnlyInTable, null, p.ETag, [])));
        return [.. changes.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>Writes the differences, one line per policy and one per changed field.</summary>
    public static void Write(IReadOnlyList<PolicyChange> changes, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var change in changes.Where(c => c.Kind != PolicyChangeKind.Unchanged))
        {
            output.WriteLine(change.Kind switch
            {
                PolicyChangeKind.Added => $"+ {change.Id} (new)",
                PolicyChangeKind.Changed => $"~ {change.Id}",
                _ => $"- {change.Id} (only in the table; push --prune deletes it)",
            });
            foreach (var (field, before, after) in change.Fields)
            {
                output.WriteLine($"    {field}: {before ?? "(absent)"} -> {after ?? "(absent)"}");
            }
        }

        int Count(PolicyChangeKind kind) => changes.Count(c => c.Kind == kind);
        output.WriteLine($"{Count(PolicyChangeKind.Added)} new, {Count(PolicyChangeKind.Changed)} changed, " +
            $"{Count(PolicyChangeKind.OnlyInTable)} only in the table, {Count(PolicyChangeKind.Unchanged)} unchanged.");
    }

    private static PolicyChange Added(CorsPolicyDefinition proposed) =>
        new(proposed.Id, PolicyChangeKind.Added, proposed, null, []);

    /// <summary>The fields that differ between two definitions (either may be absent), as JSON member names and values.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> ChangedFields(CorsPolicyDefinition? before, CorsPolicyDefinition? after)
    {
        var (old, next) = (Fields(before), Fields(after));
        return [.. old.Keys.Union(next.Keys).Order(StringComparer.Ordinal)
            .Select(field => (Field: field, Before: old.GetValueOrDefault(field), After: next.GetValueOrDefault(field)))
            .Where(f => f.Before != f.After)];
    }

    /// <summary>Every field of <paramref name="definition"/> but its id, as JSON member names and values, in name order.</summary>
    public static IReadOnlyList<(string Field, string Value)> FieldsOf(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. Fields(definition).Where(f => f.Key != "id").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value))];
    }

    private static PolicyChange Compare(StoredPolicy row, CorsPolicyDefinition proposed)
    {
        var fields = ChangedFields(row.Definition, proposed);

        // A row that could not be read fully is replaced even when its readable fields match the file.
        var kind = fields.Count > 0 || row.ReadErrors.Count > 0 ? PolicyChangeKind.Changed : PolicyChangeKind.Unchanged;
        return new PolicyChange(proposed.Id, kind, proposed, row.ETag, fields);
    }

    private static Dictionary<string, string> Fields(CorsPolicyDefinition? definition)
    {
        if (definition is null)
        {
            return [];
        }

        var json = JsonSerializer.SerializeToNode(PolicyDocument.From(definition, null, []), s_compact)!.AsObject();
        return json.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToJsonString(s_compact), StringComparer.Ordinal);
    }
}
