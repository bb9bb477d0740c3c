using CorsFunctions.Core.Collections;

namespace CorsFunctions.Core.Routing;

/// <summary>
/// Route patterns of one <see cref="RoutePatternKind"/> arranged by segment. Lookup walks the request
/// path once, trying a literal segment before <c>*</c> before <c>**</c> at every level, so the most literal
/// pattern wins the same way on every instance whatever order the policies were stored in.
/// </summary>
internal sealed class RouteTrie<T>
    where T : class
{
    private readonly Node _root;

    public RouteTrie(IEnumerable<(RoutePattern Pattern, T Value)> routes)
    {
        var root = new Builder();
        foreach (var (pattern, value) in routes)
        {
            var node = root;
            foreach (var segment in pattern.Segments)
            {
                if (segment == "**")
                {
                    node.AnyDepth ??= (pattern, value);
                    node = null;
                    break;
                }

                node = segment == "*"
                    ? node.Star ??= new Builder()
                    : node.Children.TryGetValue(segment, out var child) ? child : node.Children[segment] = new Builder();
            }

            if (node is not null)
            {
                node.Terminal ??= (pattern, value);
            }
        }

        _root = root.Build();
    }

    /// <summary>Finds the best pattern for <paramref name="path"/> (already normalised: no query, no trailing slash).</summary>
    public (RoutePattern Pattern, T Value)? Match(ReadOnlySpan<char> path) => Match(_root, path);

    private static (RoutePattern Pattern, T Value)? Match(Node node, ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            // Stryker disable once NullCoalescing : a trie holds one pattern kind, and no kind sets both Terminal and AnyDepth on a node.
            return node.Terminal ?? node.AnyDepth;
        }

        // rest starts with '/': take the next segment.
        rest = rest[1..];
        var slash = rest.IndexOf('/');
        var segment = slash < 0 ? rest : rest[..slash];
        // Stryker disable once Equality : slash 0 is an empty segment, which never descends (below), so its rest is never read.
        var after = slash < 0 ? [] : rest[slash..];

        if (!segment.IsEmpty)
        {
            if (node.Children.TryGetValue(segment, out var child) && Match(child, after) is { } literal)
            {
                return literal;
            }

            if (node.Star is not null && Match(node.Star, after) is { } star)
            {
                return star;
            }
        }

        return node.AnyDepth;
    }

    private sealed class Node(StringLookup<Node> children, Node? star, (RoutePattern, T)? terminal, (RoutePattern, T)? anyDepth)
    {
        public StringLookup<Node> Children { get; } = children;

        public Node? Star { get; } = star;

        public (RoutePattern Pattern, T Value)? Terminal { get; } = terminal;

        public (RoutePattern Pattern, T Value)? AnyDepth { get; } = anyDepth;
    }

    private sealed class Builder
    {
        public Dictionary<string, Builder> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Builder? Star { get; set; }

        public (RoutePattern, T)? Terminal { get; set; }

        public (RoutePattern, T)? AnyDepth { get; set; }

        public Node Build() => new(
            Children.Count == 0 ? StringLookup<Node>.Empty
                : new StringLookup<Node>([.. Children.Select(c => KeyValuePair.Create(c.Key, c.Value.Build()))], ignoreCase: true),
            Star?.Build(),
            Terminal,
            AnyDepth);
    }
}
