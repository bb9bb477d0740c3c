using CorsFunctions.Core.Collections;

namespace CorsFunctions.Core.Routing;

/// <summary>
/// Route patterns of one <see cref="RoutePatternKind"/> arranged by segment. Lookup walks the request
/// path once, trying a literal segment before <c>*</c> before <c>**</c> at every level, so the most literal
/// pattern wins the same way on every instance whatever order the policies were stored in.
/// Immutable and persistent: <see cref="With"/> and <see cref="Without"/> copy only the nodes on one pattern's path
/// and share every other node, so one changed policy costs its own routes, not the size of the index.
/// </summary>
internal sealed class RouteTrie<T>
    where T : class
{
    private readonly Node _root;
    private readonly Comparison<T> _order;

    /// <param name="routes">The patterns; the claims on one pattern are kept in the order given, the first governing.</param>
    /// <param name="order">The order claims on one pattern keep when <see cref="With"/> adds one: the least value governs.</param>
    public RouteTrie(IEnumerable<(RoutePattern Pattern, T Value)> routes, Comparison<T> order)
    {
        var root = new Builder();
        foreach (var (pattern, value) in routes)
        {
            var node = root;
            foreach (var segment in pattern.Segments)
            {
                if (segment == "**")
                {
                    break;
                }

                node = segment == "*"
                    ? node.Star ??= new Builder()
                    : node.Children.TryGetValue(segment, out var child) ? child : node.Children[segment] = new Builder();
            }

            (EndsAnyDepth(pattern) ? node.AnyDepth : node.Terminal).Add((pattern, value));
        }

        _root = root.Build();
        _order = order;
    }

    private RouteTrie(Node root, Comparison<T> order)
    {
        _root = root;
        _order = order;
    }

    /// <summary>Finds the best pattern for <paramref name="path"/> (already normalised: no query, no trailing slash).</summary>
    public (RoutePattern Pattern, T Value)? Match(ReadOnlySpan<char> path) => Match(_root, path);

    /// <summary>Every claim on <paramref name="pattern"/> (patterns equal ignoring case), the governing one first.</summary>
    public IReadOnlyList<(RoutePattern Pattern, T Value)> Claims(RoutePattern pattern)
    {
        Node? node = _root;
        var depth = 0;
        for (; depth < pattern.Segments.Count && node is not null && pattern.Segments[depth] != "**"; depth++)
        {
            var segment = pattern.Segments[depth];
            node = segment == "*" ? node.Star : node.Children.TryGetValue(segment, out var child) ? child : null;
        }

        return node is null ? [] : EndsAnyDepth(pattern) ? node.AnyDepth : node.Terminal;
    }

    /// <summary>A copy where <paramref name="value"/> also claims <paramref name="pattern"/>, after every claim not ordered after it.</summary>
    public RouteTrie<T> With(RoutePattern pattern, T value) =>
        Change(pattern, claims =>
        {
            var at = 0;
            while (at < claims.Length && _order(claims[at].Value, value) <= 0)
            {
                at++;
            }

            return [.. claims[..at], (pattern, value), .. claims[at..]];
        });

    /// <summary>A copy where <paramref name="value"/> (the same instance) no longer claims <paramref name="pattern"/>.</summary>
    public RouteTrie<T> Without(RoutePattern pattern, T value) =>
        Change(pattern, claims => [.. claims.Where(c => !ReferenceEquals(c.Value, value))]);

    private static bool EndsAnyDepth(RoutePattern pattern) => pattern.Segments is [.., "**"];

    private RouteTrie<T> Change(RoutePattern pattern, Func<(RoutePattern Pattern, T Value)[], (RoutePattern Pattern, T Value)[]> change) =>
        new(Change(_root, pattern, 0, change) ?? Node.Blank, _order);

    /// <summary>The copy of <paramref name="node"/> (null: none yet) with the claims at the end of <paramref name="pattern"/> changed; null when it is left empty.</summary>
    private static Node? Change(Node? node, RoutePattern pattern, int depth, Func<(RoutePattern Pattern, T Value)[], (RoutePattern Pattern, T Value)[]> change)
    {
        node ??= Node.Blank;
        var segments = pattern.Segments;
        if (depth == segments.Count || segments[depth] == "**")
        {
            return EndsAnyDepth(pattern)
                ? node.Copy(anyDepth: change(node.AnyDepth))
                : node.Copy(terminal: change(node.Terminal));
        }

        var segment = segments[depth];
        if (segment == "*")
        {
            return node.Copy(star: Change(node.Star, pattern, depth + 1, change), replaceStar: true);
        }

        var child = Change(node.Children.TryGetValue(segment, out var existing) ? existing : null, pattern, depth + 1, change);
        return node.Copy(children: child is null ? node.Children.Without(segment) : node.Children.With(segment, child));
    }

    private static (RoutePattern Pattern, T Value)? First((RoutePattern Pattern, T Value)[] claims) => claims.Length > 0 ? claims[0] : null;

    private static (RoutePattern Pattern, T Value)? Match(Node node, ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            // Stryker disable once NullCoalescing : a trie holds one pattern kind, and no kind sets both Terminal and AnyDepth on a node.
            return First(node.Terminal) ?? First(node.AnyDepth);
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

        return First(node.AnyDepth);
    }

    /// <summary>One segment's node: claims are in governing order (the first governs), never shared with a builder.</summary>
    private sealed class Node(StringLookup<Node> children, Node? star, (RoutePattern Pattern, T Value)[] terminal, (RoutePattern Pattern, T Value)[] anyDepth)
    {
        /// <summary>The children of a leaf, shared; ignoring case like every other segment lookup, since a change may add to it.</summary>
        public static StringLookup<Node> NoChildren { get; } = new([], ignoreCase: true);

        public static Node Blank { get; } = new(NoChildren, null, [], []);

        public StringLookup<Node> Children { get; } = children;

        public Node? Star { get; } = star;

        public (RoutePattern Pattern, T Value)[] Terminal { get; } = terminal;

        public (RoutePattern Pattern, T Value)[] AnyDepth { get; } = anyDepth;

        /// <summary>This node with the given parts replaced, or null when that leaves it holding nothing.</summary>
        public Node? Copy(StringLookup<Node>? children = null, Node? star = null, bool replaceStar = false,
            (RoutePattern Pattern, T Value)[]? terminal = null, (RoutePattern Pattern, T Value)[]? anyDepth = null)
        {
            var copy = new Node(children ?? Children, replaceStar ? star : Star, terminal ?? Terminal, anyDepth ?? AnyDepth);
            return copy.Children.Count == 0 && copy.Star is null && copy.Terminal.Length == 0 && copy.AnyDepth.Length == 0 ? null : copy;
        }
    }

    private sealed class Builder
    {
        public Dictionary<string, Builder> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Builder? Star { get; set; }

        public List<(RoutePattern Pattern, T Value)> Terminal { get; } = [];

        public List<(RoutePattern Pattern, T Value)> AnyDepth { get; } = [];

        public Node Build() => new(
            Children.Count == 0 ? Node.NoChildren
                : new StringLookup<Node>([.. Children.Select(c => KeyValuePair.Create(c.Key, c.Value.Build()))], ignoreCase: true),
            Star?.Build(),
            Terminal.Count == 0 ? [] : [.. Terminal],
            AnyDepth.Count == 0 ? [] : [.. AnyDepth]);
    }
}
