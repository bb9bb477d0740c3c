namespace CorsFunctions.Core.Routing;

/// <summary>
/// The path a host serves an HTTP function on, from the route prefix and the trigger's ASP.NET Core route template
/// (<c>items/{id}</c>, <c>files/{*path}</c>, <c>orders/{id?}</c>), compared with policy route patterns.
/// </summary>
public sealed class FunctionRouteTemplate
{
    private readonly Segment[] _segments;

    private FunctionRouteTemplate(Segment[] segments, string text)
    {
        _segments = segments;
        Text = text;
    }

    private enum SegmentKind
    {
        Literal,
        Parameter,
        OptionalParameter,
        CatchAll,
    }

    /// <summary>The full path template: <c>/api/items/{id}</c>.</summary>
    public string Text { get; }

    /// <summary>The policy route that would cover the template: parameters become <c>*</c>, a catch-all <c>**</c>.</summary>
    public string AsPolicyRoute => "/" + string.Join('/', _segments.Select(s => s.Kind switch
    {
        SegmentKind.Literal => s.Text,
        SegmentKind.CatchAll => "**",
        _ => "*",
    }));

    /// <summary>Builds the template the host serves <paramref name="route"/> on under <paramref name="routePrefix"/>.</summary>
    public static FunctionRouteTemplate Parse(string routePrefix, string route)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        ArgumentNullException.ThrowIfNull(route);
        var texts = $"{routePrefix}/{route}".Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new FunctionRouteTemplate([.. texts.Select(Classify)], "/" + string.Join('/', texts));
    }

    /// <summary>Whether some request path is served by this template and matched by <paramref name="pattern"/>.</summary>
    public bool Overlaps(RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Overlaps(0, pattern.Segments, 0);
    }

    private bool Overlaps(int at, IReadOnlyList<string> pattern, int patternAt)
    {
        if (patternAt < pattern.Count && pattern[patternAt] == "**")
        {
            return true;
        }

        if (at == _segments.Length)
        {
            return patternAt == pattern.Count;
        }

        var segment = _segments[at];
        switch (segment.Kind)
        {
            case SegmentKind.CatchAll:
                // Takes every remaining segment the pattern has, whatever they are.
                return true;
            case SegmentKind.OptionalParameter when Overlaps(at + 1, pattern, patternAt):
                return true;
            default:
                if (patternAt == pattern.Count)
                {
                    return false;
                }

                var matches = segment.Kind != SegmentKind.Literal || pattern[patternAt] == "*"
                    || string.Equals(segment.Text, pattern[patternAt], StringComparison.OrdinalIgnoreCase);
                return matches && Overlaps(at + 1, pattern, patternAt + 1);
        }
    }

    private static Segment Classify(string text)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return new Segment(text, SegmentKind.Literal);
        }

        // A segment such as "{id}" or "v{version}" takes any one value; "{*path}" and "{**path}" any remaining segments.
        var kind = text.StartsWith("{*", StringComparison.Ordinal) ? SegmentKind.CatchAll
            : text.StartsWith('{') && text.EndsWith("?}", StringComparison.Ordinal) ? SegmentKind.OptionalParameter
            : SegmentKind.Parameter;
        return new Segment(text, kind);
    }

    private readonly record struct Segment(string Text, SegmentKind Kind);
}
