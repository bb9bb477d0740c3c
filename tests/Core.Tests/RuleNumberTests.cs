using System.Reflection;
using System.Text.RegularExpressions;

namespace CorsFunctions.Core.Tests;

/// <summary>
/// Test names cite rules by number (<c>Rule12_…</c>, <c>PolicyRule07_…</c>); the numbers are defined in the CORS rules
/// table of docs/testing.md and the validation rules table of docs/policies.md, so every cited number must be a row there.
/// </summary>
public partial class RuleNumberTests
{
    private static readonly string[] s_docs =
    [
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "testing.md")),
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "policies.md")),
    ];

    private static readonly List<string> s_testNames = typeof(RuleNumberTests).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods())
        .Where(method => method.GetCustomAttributes<FactAttribute>().Any())
        .Select(method => method.Name)
        .ToList();

    [Fact]
    public void Every_cors_rule_a_test_cites_is_defined_in_the_readme() =>
        AssertDefined(CorsRuleName(), "| Rule | What the Fetch standard's CORS protocol requires |");

    [Fact]
    public void Every_policy_rule_a_test_cites_is_defined_in_the_readme() =>
        AssertDefined(PolicyRuleName(), "| # | Rule | Refused example | Codes |");

    private static void AssertDefined(Regex testName, string tableHeader)
    {
        var cited = s_testNames.Select(name => testName.Match(name)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        var defined = TableRowNumbers(tableHeader);

        Assert.NotEmpty(cited);
        Assert.Empty(cited.Except(defined).Order());
    }

    /// <summary>The numbers in the first column of the docs table under <paramref name="header"/>.</summary>
    private static HashSet<int> TableRowNumbers(string header)
    {
        var start = Array.IndexOf(s_docs, header);
        Assert.True(start >= 0, $"docs/testing.md and docs/policies.md have no table '{header}'.");
        return s_docs.Skip(start + 2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => RowNumber().Match(line)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    [GeneratedRegex("^Rule(\\d{2})_")]
    private static partial Regex CorsRuleName();

    [GeneratedRegex("^PolicyRule(\\d{2})_")]
    private static partial Regex PolicyRuleName();

    [GeneratedRegex("^\\| (\\d+) \\|")]
    private static partial Regex RowNumber();
}
