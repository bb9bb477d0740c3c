using System.Collections.Frozen;
using CorsFunctions.Core.Collections;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// Decides whether a request origin is allowed, in constant time for any number of exact origins
/// (a scan of a handful, else one ordinal hash lookup) and, for wildcard patterns, in time bounded by the patterns' own depth whatever the
/// number of labels in the request's host (a walk of a label trie from the right), without allocating.
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
    private readonly StringLookup<string> _exact;
    private readonly WildcardGroup[] _wildcards;

    /// <param name="allowAny">Whether every origin is allowed (<c>*</c>).</param>
    /// <param name="allowNull">Whether the <c>null</c> origin is allowed.</param>
    /// <param name="exactOrigins">Normalised exact origins (lower case, no default port).</param>
    /// <param name="wildcards">Wildcard patterns: scheme, port and the suffix after <c>*.</c> (lower case).</param>
    public OriginMatcher(bool allowAny, bool allowNull, IEnumerable<string> exactOrigins, IEnumerable<(bool IsHttps, int Port, string Suffix)> wildcards)
    {
        _allowAny = allowAny;
        _allowNull = allowNull;
        _exact = StringLookup.Set(exactOrigins, ignoreCase: false);
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
        private readonly SuffixTrie _suffixes = new(suffixes);

        public bool Matches(in ParsedOrigin origin) =>
            origin.IsHttps == isHttps && origin.Port == port && origin.Host[0] != '[' && _suffixes.MatchesSubdomain(origin.Host);
    }

    /// <summary>
    /// Domain suffixes as a trie of labels read from the right (<c>example.com</c> is <c>com</c>, then <c>example</c>),
    /// so a host is matched by walking its last labels only as deep as the longest suffix: one hash lookup per level,
    /// never one per label of the host. A trailing dot is a label of its own (empty), as it is a host of its own.
    /// </summary>
    private sealed class SuffixTrie
    {
        private static readonly FrozenDictionary<string, SuffixTrie>.AlternateLookup<ReadOnlySpan<char>> s_leaf =
            FrozenDictionary<string, SuffixTrie>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly bool _isSuffix;
        private readonly FrozenDictionary<string, SuffixTrie>.AlternateLookup<ReadOnlySpan<char>> _children;

        /// <param name="suffixes">Lower-case domains; the empty string stands for the node itself.</param>
        public SuffixTrie(IEnumerable<string> suffixes)
        {
            var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var suffix in suffixes)
            {
                if (suffix.Length == 0)
                {
                    _isSuffix = true;
                    continue;
                }

                var dot = suffix.LastIndexOf('.');
                var label = suffix[(dot + 1)..];
                if (!children.TryGetValue(label, out var below))
                {
                    children[label] = below = [];
                }

                // The rest to the left; a suffix that ends at this label marks the child itself.
                below.Add(dot < 0 ? "" : suffix[..dot]);
            }

            _children = children.Count == 0
                ? s_leaf
                : children.ToFrozenDictionary(c => c.Key, c => new SuffixTrie(c.Value), StringComparer.Ordinal)
                    .GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>Whether <paramref name="host"/> (lower case) is one or more labels followed by one of the suffixes.</summary>
        public bool MatchesSubdomain(ReadOnlySpan<char> host)
        {
            var node = this;
            var rest = host;
            for (var dot = rest.LastIndexOf('.'); dot >= 0; dot = rest.LastIndexOf('.'))
            {
                if (!node._children.TryGetValue(rest[(dot + 1)..], out node!))
                {
                    return false;
                }

                rest = rest[..dot];
                if (node._isSuffix)
                {
                    return true; // rest is the non-empty labels before the suffix
                }
            }

            return false;
        }
    }
}
