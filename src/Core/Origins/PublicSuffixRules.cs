using System.Buffers;
using System.Collections.Frozen;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// The rules of a Public Suffix List file (publicsuffix.org format): one rule a line, <c>//</c> comments,
/// <c>*.ck</c> wildcards (every label under <c>ck</c> is a suffix) and <c>!www.ck</c> exceptions (not one).
/// </summary>
internal sealed class PublicSuffixRules
{
    private static readonly SearchValues<char> s_domainChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    private readonly FrozenSet<string> _suffixes;
    private readonly FrozenSet<string> _wildcardParents;
    private readonly FrozenSet<string> _exceptions;

    private PublicSuffixRules(FrozenSet<string> suffixes, FrozenSet<string> wildcardParents, FrozenSet<string> exceptions)
    {
        _suffixes = suffixes;
        _wildcardParents = wildcardParents;
        _exceptions = exceptions;
    }

    /// <summary>
    /// Reads every rule of <paramref name="reader"/>; blank lines and comments are skipped. Any other line must be a
    /// rule of lower-case ASCII labels (the embedded list is stored in punycode), or this throws: a corrupted list
    /// must fail loudly rather than let a wildcard on a public suffix through.
    /// </summary>
    /// <exception cref="FormatException">A line is not a rule.</exception>
    public static PublicSuffixRules Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var suffixes = new HashSet<string>(StringComparer.Ordinal);
        var wildcardParents = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var (rules, name) = line.StartsWith('!') ? (exceptions, line[1..])
                : line.StartsWith("*.", StringComparison.Ordinal) ? (wildcardParents, line[2..])
                : (suffixes, line);
            if (!IsDomain(name))
            {
                throw new FormatException($"Line {number} of the public suffix list is not a rule: '{line}'.");
            }

            rules.Add(name);
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
        // Stryker disable once Equality : a host never starts with a dot (OriginSyntax refuses empty labels), so dot is never 0.
        if (dot < 0)
        {
            return true;
        }

        return !_exceptions.Contains(domain) && (_suffixes.Contains(domain) || _wildcardParents.Contains(domain[(dot + 1)..]));
    }

    /// <summary>Dot-separated, non-empty labels of lower-case ASCII letters, digits and hyphens.</summary>
    private static bool IsDomain(string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(s_domainChars) && name[0] != '.' && name[^1] != '.' && !name.Contains("..", StringComparison.Ordinal);
}
