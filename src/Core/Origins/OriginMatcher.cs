using System.Collections.Frozen;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// Decides whether a request origin is allowed, in constant time for any number of exact origins
/// (one ordinal hash lookup) and in time linear in the number of host labels for wildcard patterns
/// (one lookup per dot), without allocating.
/// </summary>
/// <remarks>
/// One rule for every answer: only an origin spelled as browsers serialize it (lower case, no default
/// port) can be allowed, and the answer is that origin byte for byte (or <c>*</c>). Any other spelling
/// comes from no browser and is refused, so exact and wildcard answers can never differ in spelling.
/// </remarks>
internal sealed class OriginMatcher
{
    /// <summary>The literal <c>Origin</c> of opaque origins (sandboxed iframes, file URLs, redirects).</summary>
    public const string NullOrigin = "null";

    private readonly bool _allowAny;
    private readonly bool _allowNull;
    private readonly FrozenSet<string> _exact;
    private readonly WildcardGroup[] _wildcards;

    /// <param name="allowAny">Whether every origin is allowed (<c>*</c>).</param>
    /// <param name="allowNull">Whether the <c>null</c> origin is allowed.</param>
    /// <param name="exactOrigins">Normalised exact origins (lower case, no default port).</param>
    /// <param name="wildcards">Wildcard patterns: scheme, port and the suffix after <c>*.</c> (lower case).</param>
    public OriginMatcher(bool allowAny, bool allowNull, IEnumerable<string> exactOrigins, IEnumerable<(bool IsHttps, int Port, string Suffix)> wildcards)
    {
        _allowAny = allowAny;
        _allowNull = allowNull;
        _exact = exactOrigins.ToFrozenSet(StringComparer.Ordinal);
        _wildcards = [.. wildcards
            .GroupBy(w => (w.IsHttps, w.Port))
            .Select(g => new WildcardGroup(g.Key.IsHttps, g.Key.Port, g.Select(w => w.Suffix)))];
    }

    /// <summary>Matches <paramref name="origin"/>; <paramref name="allowOrigin"/> is the value to send back when allowed.</summary>
    public OriginMatchKind Match(string origin, out string? allowOrigin)
    {
        allowOrigin = null;
        if (origin is null)
        {
            return OriginMatchKind.Malformed;
        }

        if (origin.Length > OriginSyntax.MaxLength)
        {
            return OriginMatchKind.TooLong;
        }

        if (origin == NullOrigin)
        {
            if (_allowNull || _allowAny)
            {
                allowOrigin = _allowAny ? "*" : NullOrigin;
                return _allowAny ? OriginMatchKind.Any : OriginMatchKind.Null;
            }

            return OriginMatchKind.NotAllowed;
        }

        // The stored origins are canonical: a browser's origin is found by one ordinal lookup, without parsing.
        if (_exact.TryGetValue(origin, out var stored))
        {
            allowOrigin = stored;
            return OriginMatchKind.Exact;
        }

        switch (OriginSyntax.TryParse(origin, allowWildcard: false, out var parsed))
        {
            case OriginSyntaxError.None:
                break;
            case OriginSyntaxError.IPv4NotCanonical or OriginSyntaxError.IPv6NotCanonical:
                return OriginMatchKind.NotCanonical;
            default:
                return OriginMatchKind.Malformed;
        }

        if (!OriginSyntax.IsCanonical(origin, parsed))
        {
            return OriginMatchKind.NotCanonical;
        }

        if (_allowAny)
        {
            allowOrigin = "*";
            return OriginMatchKind.Any;
        }

        foreach (var group in _wildcards)
        {
            if (group.Matches(parsed))
            {
                allowOrigin = origin;
                return OriginMatchKind.Wildcard;
            }
        }

        return OriginMatchKind.NotAllowed;
    }

    /// <summary>The wildcard suffixes that share one scheme and port.</summary>
    private sealed class WildcardGroup(bool isHttps, int port, IEnumerable<string> suffixes)
    {
        // Suffixes are stored in lower case and only lower-case (canonical) hosts get here: ordinal compares suffice.
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _suffixes =
            suffixes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Matches(in ParsedOrigin origin)
        {
            if (origin.IsHttps != isHttps || origin.Port != port || origin.Host[0] == '[')
            {
                return false;
            }

            // Every proper suffix that starts after a dot: "a.b.example.com" tries "b.example.com", "example.com", "com".
            var host = origin.Host;
            // Stryker disable once Equality : a parsed host has no empty label, so no suffix tried starts with a dot (dot is never 0).
            for (var dot = host.IndexOf('.'); dot >= 0; dot = host.IndexOf('.'))
            {
                host = host[(dot + 1)..];
                if (_suffixes.Contains(host))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
