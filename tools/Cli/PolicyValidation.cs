using CorsFunctions.Core.Lint;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>Every error of a set of policies, per entry: what each would get from the app, plus ids given twice.</summary>
internal static class PolicyValidation
{
    /// <summary>
    /// The entries with at least one error, in id order (the entries of one id in their order), each with every error
    /// and its position in the list: an id given twice is an error of each of its entries, beside their own errors.
    /// </summary>
    public static IReadOnlyList<(string Id, int Index, IReadOnlyList<PolicyError> Errors)> Check(IReadOnlyList<StoredPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var duplicates = policies.GroupBy(p => p.Definition.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. policies
            .Select((p, index) => (p.Definition.Id, index, Errors: (IReadOnlyList<PolicyError>)[.. PolicyTable.Validate(p), .. Duplicate(p.Definition.Id, duplicates)]))
            .Where(p => p.Errors.Count > 0)
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Writes the report of <see cref="Check"/>, the route conflicts and, with a <paramref name="lint"/> context, the lint
    /// warnings of each valid entry (<see cref="PolicyLinter"/>); returns whether every policy is valid and how many
    /// lint warnings there were.
    /// </summary>
    public static (bool Valid, int Warnings) Report(IReadOnlyList<StoredPolicy> policies, string where, TextWriter output, TextWriter error,
        PolicyLintContext? lint)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var invalid = Check(policies);
        var repeated = invalid.CountBy(p => p.Id, StringComparer.Ordinal).Where(c => c.Value > 1).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, index, errors) in invalid)
        {
            // The entries of an id given twice are told apart by where they are in the file.
            var position = repeated.Contains(id) ? $" ($.policies[{index}])" : "";
            error.WriteLine($"policy '{id}'{position}: {Counted.Of(errors.Count, "error", "errors")}");
            foreach (var policyError in errors)
            {
                error.WriteLine($"  {policyError}");
            }
        }

        var compilations = policies.Select(p => p.Compile()).ToList();
        foreach (var conflict in PolicySet.Create(compilations).Conflicts)
        {
            error.WriteLine($"warning: route {conflict.Route} is named by several policies of the same mode: {conflict.Winner} governs it, {string.Join(", ", conflict.Losers)} never will.");
        }

        var invalidIndexes = invalid.Select(p => p.Index).ToHashSet();
        var warnings = lint is null ? [] : compilations
            .Where((_, index) => !invalidIndexes.Contains(index))
            .SelectMany(c => PolicyLinter.Lint(c, lint).Select(w => (c.Definition.Id, Warning: w)))
            .OrderBy(w => w.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (id, warning) in warnings)
        {
            error.WriteLine($"warning: policy '{id}': {warning}");
        }

        var lintNote = warnings.Count == 0 ? "" : $" ({Counted.Of(warnings.Count, "lint warning", "lint warnings")})";
        output.WriteLine(invalid.Count == 0
            ? $"{where}: {Counted.Policies(policies.Count)}, all valid{lintNote}."
            : $"{where}: {invalid.Count} of {Counted.Policies(policies.Count)} invalid{lintNote}.");
        return (invalid.Count == 0, warnings.Count);
    }

    private static IEnumerable<PolicyError> Duplicate(string id, HashSet<string> duplicates) => duplicates.Contains(id)
        ? [new PolicyError(PolicyErrorCodes.IdDuplicate, nameof(CorsPolicyDefinition.Id), id, "appears more than once; each policy id must be unique in a policy set.")]
        : [];
}
