namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// An HTTP trigger's route as the host maps it: the route prefix plus literal segments, <c>{name}</c>,
/// <c>{name?}</c> and a final <c>{*name}</c>. Literals compare case-insensitively, like ASP.NET Core routing.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The full template, prefix included, e.g. <c>api/items/{id}</c>.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="route"/> under <paramref name="routePrefix"/>; constraints are not emulated and refused.</summary>
    public static RouteTemplate Parse(string routePrefix, string route)
    {
        var text = string.Join('/', new[] { routePrefix.Trim('/'), route.Trim('/') }.Where(part => part.Length > 0));
        var parts = text.Length == 0 ? [] : text.Split('/');
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            segments[i] = ParseSegment(parts[i], isLast: i == parts.Length - 1, text);
        }

        return new RouteTemplate(text, segments);
    }

    /// <summary>Matches an absolute request path; returns the route values, or null when the path does not fit.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        for (; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Kind == SegmentKind.CatchAll)
            {
                values[segment.Value] = Uri.UnescapeDataString(string.Join('/', parts.Skip(i)));
                return values;
            }

            if (i >= parts.Length)
            {
                return segment.Kind == SegmentKind.OptionalParameter && i == _segments.Length - 1 ? values : null;
            }

            if (segment.Kind == SegmentKind.Literal)
            {
                if (!string.Equals(segment.Value, parts[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
            else
            {
                values[segment.Value] = Uri.UnescapeDataString(parts[i]);
            }
        }

        return i == parts.Length ? values : null;
    }

    public override string ToString() => Text;

    private static Segment ParseSegment(string part, bool isLast, string template)
    {
        if (!part.StartsWith('{'))
        {
            return part.Contains('{', StringComparison.Ordinal)
                ? throw Unsupported(template, "complex segments")
                : new Segment(SegmentKind.Literal, part);
        }

        if (!part.EndsWith('}'))
        {
            throw Unsupported(template, "complex segments");
        }

        var name = part[1..^1];
        if (name.Contains(':', StringComparison.Ordinal) || name.Contains('=', StringComparison.Ordinal))
        {
            throw Unsupported(template, "route constraints and defaults");
        }

        if (name.StartsWith('*'))
        {
            return isLast ? new Segment(SegmentKind.CatchAll, name.TrimStart('*')) : throw Unsupported(template, "a catch-all before the end");
        }

        return name.EndsWith('?') ? new Segment(SegmentKind.OptionalParameter, name[..^1]) : new Segment(SegmentKind.Parameter, name);
    }

    // Refusing loudly beats matching differently from the real host.
    private static NotSupportedException Unsupported(string template, string feature) =>
        new($"The test host emulator does not emulate {feature} (route '{template}').");

    private enum SegmentKind
    {
        Literal,
        Parameter,
        OptionalParameter,
        CatchAll,
    }

    private readonly record struct Segment(SegmentKind Kind, string Value);
}
