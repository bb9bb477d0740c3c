using System.Buffers;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// Parses serialized origins (<c>scheme://host[:port]</c>, RFC 6454) without allocating: the strict
/// grammar browsers produce, applied both to the <c>Origin</c> request header and to policy entries.
/// </summary>
internal static class OriginSyntax
{
    /// <summary>
    /// The longest text this grammar can accept for a request: <c>https://</c> (8), a 253-character DNS name
    /// (the longest a resolver accepts, and longer than any IPv6 literal) with its trailing dot (1) and <c>:65535</c>
    /// (6). Anything longer is refused before it is hashed or parsed, so a huge hostile <c>Origin</c> costs nothing.
    /// </summary>
    public const int MaxLength = 8 + MaxHostLength + 1 + 6;

    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly SearchValues<char> s_printableAscii =
        SearchValues.Create(Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).ToArray());
    // Letters, digits, '-' and '_': browsers keep '_' in hosts (DNS names such as a_b.example.com exist and resolve).
    private static readonly SearchValues<char> s_hostCharsAndDot =
        SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> s_upperCase = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Parses <paramref name="text"/>; a <c>*.</c> first label is accepted only when <paramref name="allowWildcard"/>.</summary>
    public static OriginSyntaxError TryParse(ReadOnlySpan<char> text, bool allowWildcard, out ParsedOrigin origin)
    {
        origin = default;
        if (text.IsEmpty)
        {
            return OriginSyntaxError.Empty;
        }

        // The first character outside printable ASCII decides the error.
        var unprintable = text.IndexOfAnyExcept(s_printableAscii);
        if (unprintable >= 0)
        {
            return text[unprintable] > '\x7F' ? OriginSyntaxError.NonAscii : OriginSyntaxError.WhitespaceOrControl;
        }

        var schemeEnd = text.IndexOf("://");
        if (schemeEnd <= 0)
        {
            return OriginSyntaxError.NotAnOrigin;
        }

        var scheme = text[..schemeEnd];
        bool isHttps;
        if (scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            isHttps = true;
        }
        else if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            isHttps = false;
        }
        else
        {
            return OriginSyntaxError.UnsupportedScheme;
        }

        var authorityStart = schemeEnd + 3;
        var authority = text[authorityStart..];
        var error = CheckNothingAfterAuthority(authority);
        if (error != OriginSyntaxError.None)
        {
            return error;
        }

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> portText;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            // Stryker disable once Equality : authority starts with '[', so ']' is never at index 0.
            if (close < 0)
            {
                return OriginSyntaxError.InvalidHost;
            }

            host = authority[..(close + 1)];
            var afterHost = authority[(close + 1)..];
            if (!afterHost.IsEmpty && afterHost[0] != ':')
            {
                return OriginSyntaxError.InvalidHost;
            }

            portText = afterHost.IsEmpty ? default : afterHost[1..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            // Stryker disable Equality,Conditional : a colon first ("https://:443") leaves an empty host or one holding ':',
            // both InvalidHost; without a colon hasPort is false and portText is never read.
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? default : authority[(colon + 1)..];
            // Stryker restore Equality,Conditional
        }

        if (host.IsEmpty)
        {
            return OriginSyntaxError.InvalidHost;
        }

        var hasPort = host.Length < authority.Length;
        var port = ParsedOrigin.DefaultPort(isHttps);
        if (hasPort && !TryParsePort(portText, out port))
        {
            return OriginSyntaxError.InvalidPort;
        }

        var isWildcard = false;
        if (host[0] == '[')
        {
            error = CheckIPv6(host[1..^1]);
        }
        else
        {
            if (host.StartsWith("*."))
            {
                if (!allowWildcard)
                {
                    return OriginSyntaxError.MisplacedWildcard;
                }

                isWildcard = true;
                host = host[2..];
            }

            error = CheckDnsName(host);
            // The host after "*." is a domain: a wildcard on an address is the policy's error to name, not a parse error.
            if (error == OriginSyntaxError.None && !isWildcard && IPv4Host.EndsInANumber(host))
            {
                error = CheckIPv4(host);
            }
        }

        if (error is not (OriginSyntaxError.None or OriginSyntaxError.IPv4NotCanonical or OriginSyntaxError.IPv6NotCanonical))
        {
            return error;
        }

        var withoutDefaultPort = hasPort && port == ParsedOrigin.DefaultPort(isHttps)
            ? text[..(authorityStart + authority.Length - portText.Length - 1)]
            : text;
        // Also filled for an address spelled otherwise than a browser does, so a caller can name the browser's spelling.
        origin = new ParsedOrigin(isHttps, host, port, isWildcard, withoutDefaultPort);
        return error;
    }

    private static OriginSyntaxError CheckNothingAfterAuthority(ReadOnlySpan<char> authority)
    {
        var end = authority.IndexOfAny("/?#@");
        if (end < 0)
        {
            return OriginSyntaxError.None; // an empty authority is refused as an empty host
        }

        return authority[end] switch
        {
            '@' => OriginSyntaxError.UserInfo,
            '?' => OriginSyntaxError.Query,
            '#' => OriginSyntaxError.Fragment,
            _ => end == authority.Length - 1 ? OriginSyntaxError.TrailingSlash : OriginSyntaxError.Path,
        };
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.IsEmpty || text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port is >= 1 and <= 65535;
    }

    /// <summary>
    /// Labels of letters, digits, '-' and '_', at most 63 long, A-labels that decode, and at most a trailing dot: the URL
    /// standard keeps that dot (<c>https://example.com.</c> is the origin a browser sends for such a page), so it is a
    /// host of its own. Every check is a vectorised search over the whole name, never a step per label, so a host of a
    /// hundred one-letter labels costs about what a short one does.
    /// </summary>
    private static OriginSyntaxError CheckDnsName(ReadOnlySpan<char> host)
    {
        var name = host.Length > 1 && host[^1] == '.' ? host[..^1] : host;
        if (name.IsEmpty || name.Length > MaxHostLength)
        {
            return OriginSyntaxError.InvalidHost;
        }

        var invalid = name.IndexOfAnyExcept(s_hostCharsAndDot);
        if (invalid >= 0)
        {
            return name[invalid] == '*' ? OriginSyntaxError.MisplacedWildcard : OriginSyntaxError.InvalidHost;
        }

        // An empty label: a dot first, a dot last (beside the trailing one cut above), or two in a row.
        if (name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal) || !LabelsFitDns(name))
        {
            return OriginSyntaxError.InvalidHost;
        }

        return AllALabelsDecode(name) ? OriginSyntaxError.None : OriginSyntaxError.InvalidPunycode;
    }

    /// <summary>
    /// Whether no label is longer than 63: each window of 64 characters from a label's start must hold a dot, and the
    /// next window starts after the last one found, so a name is covered in a few searches whatever its label count.
    /// </summary>
    private static bool LabelsFitDns(ReadOnlySpan<char> name)
    {
        for (var start = 0; name.Length - start > MaxLabelLength;)
        {
            var lastDot = name.Slice(start, MaxLabelLength + 1).LastIndexOf('.');
            if (lastDot < 0)
            {
                return false;
            }

            start += lastDot + 1;
        }

        return true;
    }

    /// <summary>Whether every label that starts with <c>xn--</c> (any case) is valid punycode.</summary>
    private static bool AllALabelsDecode(ReadOnlySpan<char> name)
    {
        for (var at = name.IndexOf("xn--", StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            var rest = name[at..];
            var end = rest.IndexOf('.');
            var label = end < 0 ? rest : rest[..end];
            if ((at == 0 || name[at - 1] == '.') && !Punycode.IsValidALabel(label))
            {
                return false;
            }

            var next = rest[Punycode.AcePrefixLength..].IndexOf("xn--", StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + Punycode.AcePrefixLength + next;
        }

        return true;
    }

    /// <summary>A host that ends in a number is an IPv4 address: it must parse, and only its dotted quad is what browsers send.</summary>
    private static OriginSyntaxError CheckIPv4(ReadOnlySpan<char> host) =>
        !IPv4Host.TryParse(host, out _) ? OriginSyntaxError.InvalidIPv4
        : ParsedOrigin.IsIPv4(host) ? OriginSyntaxError.None
        : OriginSyntaxError.IPv4NotCanonical;

    /// <summary>The text between the brackets must parse and, case aside, be the URL standard's serialization.</summary>
    private static OriginSyntaxError CheckIPv6(ReadOnlySpan<char> text)
    {
        Span<ushort> address = stackalloc ushort[8];
        if (!IPv6Host.TryParse(text, address))
        {
            return OriginSyntaxError.InvalidIPv6;
        }

        Span<char> serialized = stackalloc char[IPv6Host.MaxSerializedLength];
        var length = IPv6Host.Serialize(address, serialized);
        return text.Equals(serialized[..length], StringComparison.OrdinalIgnoreCase) ? OriginSyntaxError.None : OriginSyntaxError.IPv6NotCanonical;
    }

    /// <summary>
    /// The host a browser serializes for an address host that <see cref="TryParse"/> reported as
    /// <see cref="OriginSyntaxError.IPv4NotCanonical"/> or <see cref="OriginSyntaxError.IPv6NotCanonical"/>.
    /// </summary>
    public static string SerializeAddress(ReadOnlySpan<char> host)
    {
        if (host[0] != '[')
        {
            return IPv4Host.TryParse(host, out var ipv4) ? IPv4Host.Serialize(ipv4) : throw NotAnAddress();
        }

        Span<ushort> address = stackalloc ushort[8];
        Span<char> serialized = stackalloc char[IPv6Host.MaxSerializedLength];
        return IPv6Host.TryParse(host[1..^1], address) ? $"[{serialized[..IPv6Host.Serialize(address, serialized)]}]" : throw NotAnAddress();

        static ArgumentException NotAnAddress() => new("Not an address host.", nameof(host));
    }

    /// <summary>
    /// Whether the request origin <paramref name="text"/>, parsed into <paramref name="origin"/>, is spelled as a
    /// browser serializes an origin: lower-case scheme and host, no default port, no leading zero in the port.
    /// </summary>
    public static bool IsCanonical(ReadOnlySpan<char> text, in ParsedOrigin origin)
    {
        if (!text.StartsWith(origin.IsHttps ? "https://" : "http://") || origin.Host.ContainsAny(s_upperCase))
        {
            return false;
        }

        // With scheme and host as written, only the length can still tell a default or zero-padded port apart.
        var portLength = origin.Port == ParsedOrigin.DefaultPort(origin.IsHttps) ? 0 : 1 + DigitCount(origin.Port);
        return text.Length == (origin.IsHttps ? 8 : 7) + origin.Host.Length + portLength;
    }

    private static int DigitCount(int port) => port switch
    {
        < 10 => 1,
        < 100 => 2,
        < 1000 => 3,
        < 10000 => 4,
        _ => 5,
    };
}
