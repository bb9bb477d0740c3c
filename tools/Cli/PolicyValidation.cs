using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>Every error of a set of policies, per policy: what each would get from the app, plus ids given twice.</summary>
internal static class PolicyValidation
{
    /// <summary>The policies with at least one error, in id order, each with every error.</summary>
    public static IReadOnlyList<(string Id, IReadOnlyList<PolicyError> Errors)> Check(IReadOnlyList<StoredPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var duplicates = policies.GroupBy(p => p.Definition.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. policies
            .Select(p => (p.Definition.Id, Errors: (IReadOnlyList<PolicyError>)[.. PolicyTable.Validate(p), .. Duplicate(p.Definition.Id, duplicates)]))
            .Where(p => p.Errors.Count > 0)
            .DistinctBy(p => p.Id, StringComparer.Ordinal)
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>Writes the report of <see cref="Check"/> and the route conflicts; returns whether every policy is valid.</summary>
    public static bool Report(IReadOnlyList<StoredPolicy> policies, string where, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var invalid = Check(policies);
        foreach (var (id, errors) in invalid)
        {
            error.WriteLine($"policy '{id}': {errors.Count} error{(errors.Count == 1 ? "" : "s")}");
            foreach (var policyError in errors)
            {
                error.WriteLine($"  {policyError}");
            }
        }

        foreach (var conflict in PolicySet.Create(policies.Select(p => p.Compile())).Conflicts)
        {
            error.WriteLine($"warning: route {conflict.Route} is named by several policies of the same mode: {conflict.Winner} governs it, {string.Join(", ", conflict.Losers)} never will.");
        }

        output.WriteLine(invalid.Count == 0
            ? $"{where}: {policies.Count} polic{(policies.Count == 1 ? "y" : "ies")}, all valid."
            : $"{where}: {invalid.Count} of {policies.Count} policies invalid.");
        return invalid.Count == 0;
    }

    private static IEnumerable<PolicyError> Duplicate(string id, HashSet<string> duplicates) => duplicates.Contains(id)
        ? [new PolicyError(PolicyErrorCodes.IdDuplicate, nameof(CorsPolicyDefinition.Id), id, "appears more than once; each policy id must be unique in a policy set.")]
        : [];
}
