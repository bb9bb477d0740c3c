using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Routing;

/// <summary>
/// A validated request path pattern: literal segments, <c>*</c> for one segment, and a final <c>**</c> for
/// any depth. Paths and patterns compare case-insensitively; a trailing slash is ignored.
/// </summary>
public sealed class RoutePattern
{
    /// <summary>The most characters a pattern may have.</summary>
    public const int MaxLength = 512;

    /// <summary>The most segments a pattern may have.</summary>
    public const int MaxSegments = 16;

    private RoutePattern(string text, string[] segments, RoutePatternKind kind)
    {
        Text = text;
        Segments = segments;
        Kind = kind;
    }

    /// <summary>The pattern as written, without a trailing slash.</summary>
    public string Text { get; }

    /// <summary>The segments between slashes (<c>*</c> and <c>**</c> included).</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>How specific the pattern is.</summary>
    public RoutePatternKind Kind { get; }

    /// <summary>Parses <paramref name="text"/>, or says in <paramref name="error"/> why it is not a pattern.</summary>
    public static bool TryParse(string? text, out RoutePattern? pattern, out string? error) =>
        TryParse(text, out pattern, out _, out error);

    /// <summary>Parses <paramref name="text"/>, or gives the broken rule's <see cref="PolicyErrorCodes"/> code and why.</summary>
    internal static bool TryParse(string? text, out RoutePattern? pattern, out string? code, out string? error)
    {
        pattern = null;
        (code, error) = Check(text);
        if (error is not null)
        {
            return false;
        }

        // A trailing slash is ignored, as on requests: "/api/items/" is "/api/items", and "/" (or "//") the root.
        var trimmed = text!.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            trimmed = "/";
        }

        string[] segments = trimmed == "/" ? [] : trimmed[1..].Split('/');
        if (segments.Length > MaxSegments)
        {
            (code, error) = (PolicyErrorCodes.RouteTooManySegments, $"has more than {MaxSegments} segments.");
            return false;
        }

        var kind = RoutePatternKind.Exact;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                (code, error) = (PolicyErrorCodes.RouteEmptySegment, "has an empty segment ('//').");
                return false;
            }

            if (segment == "**")
            {
                if (i != segments.Length - 1)
                {
                    (code, error) = (PolicyErrorCodes.RouteMisplacedAnyDepthWildcard, "may use '**' only as its last segment.");
                    return false;
                }

                kind = segments.Length == 1 ? RoutePatternKind.Default : RoutePatternKind.AnyDepthWildcard;
            }
            else if (segment == "*")
            {
                kind = RoutePatternKind.SingleSegmentWildcard;
            }
            else if (segment.Contains('*', StringComparison.Ordinal))
            {
                (code, error) = (PolicyErrorCodes.RoutePartialWildcard, "may use '*' and '**' only as whole segments.");
                return false;
            }
        }

        pattern = new RoutePattern(trimmed, segments, kind);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static (string? Code, string? Error) Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (PolicyErrorCodes.RouteEmpty, "is empty.");
        }

        if (text.Length > MaxLength)
        {
            return (PolicyErrorCodes.RouteTooLong, $"is longer than {MaxLength} characters.");
        }

        if (text[0] != '/')
        {
            return (PolicyErrorCodes.RouteNotAbsolute, "must start with '/' (include the route prefix, e.g. /api/items).");
        }

        foreach (var c in text)
        {
            // ',' separates the entries of a stored list: "/api/items,/**" would be stored as one route and read back as two.
            if (c is <= ' ' or >= '\x7F' or '?' or '#' or '\\' or '%' or ',')
            {
                return (PolicyErrorCodes.RouteInvalidCharacter, "may contain only printable ASCII path characters (no spaces, ',', '?', '#', '%' or '\\'); ',' separates the routes of a stored row.");
            }
        }

        return (null, null);
    }
}
