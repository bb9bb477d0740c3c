using System.Collections.Frozen;
using System.Reflection;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// The Public Suffix List, embedded: names under which anyone can register a site
/// (<c>com</c>, <c>co.uk</c>, <c>azurewebsites.net</c>). A wildcard origin on such a suffix trusts strangers.
/// Loaded on first use, only when a policy with a wildcard origin is compiled.
/// </summary>
internal static class PublicSuffixList
{
    private static readonly Lazy<Rules> s_rules = new(Load);

    /// <summary>Whether <paramref name="domain"/> (lower-case ASCII) is a public suffix. Any single label is one.</summary>
    public static bool IsPublicSuffix(string domain)
    {
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return true;
        }

        var rules = s_rules.Value;
        if (rules.Exceptions.Contains(domain))
        {
            return false;
        }

        return rules.Suffixes.Contains(domain) || rules.WildcardParents.Contains(domain[(dot + 1)..]);
    }

    private static Rules Load()
    {
        var suffixes = new HashSet<string>(StringComparer.Ordinal);
        var wildcardParents = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CorsFunctions.Core.Origins.public_suffix_list.dat")
            ?? throw new InvalidOperationException("The embedded public suffix list is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith('!'))
            {
                exceptions.Add(line[1..]);
            }
            else if (line.StartsWith("*.", StringComparison.Ordinal))
            {
                wildcardParents.Add(line[2..]);
            }
            else
            {
                suffixes.Add(line);
            }
        }

        return new Rules(suffixes.ToFrozenSet(), wildcardParents.ToFrozenSet(), exceptions.ToFrozenSet());
    }

    private sealed record Rules(FrozenSet<string> Suffixes, FrozenSet<string> WildcardParents, FrozenSet<string> Exceptions);
}
