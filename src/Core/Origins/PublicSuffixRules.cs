using System.Collections.Frozen;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// The rules of a Public Suffix List file (publicsuffix.org format): one rule a line, <c>//</c> comments,
/// <c>*.ck</c> wildcards (every label under <c>ck</c> is a suffix) and <c>!www.ck</c> exceptions (not one).
/// </summary>
internal sealed class PublicSuffixRules
{
    private readonly FrozenSet<string> _suffixes;
    private readonly FrozenSet<string> _wildcardParents;
    private readonly FrozenSet<string> _exceptions;

    private PublicSuffixRules(FrozenSet<string> suffixes, FrozenSet<string> wildcardParents, FrozenSet<string> exceptions)
    {
        _suffixes = suffixes;
        _wildcardParents = wildcardParents;
        _exceptions = exceptions;
    }

    /// <summary>Reads every rule of <paramref name="reader"/>; blank lines and comments are skipped.</summary>
    public static PublicSuffixRules Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var suffixes = new HashSet<string>(StringComparer.Ordinal);
        var wildcardParents = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
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

        return new PublicSuffixRules(suffixes.ToFrozenSet(StringComparer.Ordinal), wildcardParents.ToFrozenSet(StringComparer.Ordinal),
            exceptions.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether <paramref name="domain"/> (lower-case ASCII, no leading or trailing dot) is a public suffix. Any
    /// single label is one (the list's implicit <c>*</c> rule); an exception wins over a wildcard.
    /// </summary>
    public bool IsPublicSuffix(string domain)
    {
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return true;
        }

        return !_exceptions.Contains(domain) && (_suffixes.Contains(domain) || _wildcardParents.Contains(domain[(dot + 1)..]));
    }
}
