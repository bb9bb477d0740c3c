using System.Buffers;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// Parses serialized origins (<c>scheme://host[:port]</c>, RFC 6454) without allocating: the strict
/// grammar browsers produce, applied both to the <c>Origin</c> request header and to policy entries.
/// </summary>
internal static class OriginSyntax
{
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly SearchValues<char> s_printableAscii =
        SearchValues.Create(Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).ToArray());
    private static readonly SearchValues<char> s_hostChars =
        SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> s_ipv6Chars = SearchValues.Create("0123456789abcdefABCDEF:.");

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
            if (!IsIPv6Literal(host))
            {
                return OriginSyntaxError.InvalidHost;
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? default : authority[(colon + 1)..];
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
        if (host[0] != '[')
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
            if (error != OriginSyntaxError.None)
            {
                return error;
            }
        }

        var withoutDefaultPort = hasPort && port == ParsedOrigin.DefaultPort(isHttps)
            ? text[..(authorityStart + authority.Length - portText.Length - 1)]
            : text;
        origin = new ParsedOrigin(isHttps, host, port, isWildcard, withoutDefaultPort);
        return OriginSyntaxError.None;
    }

    private static OriginSyntaxError CheckNothingAfterAuthority(ReadOnlySpan<char> authority)
    {
        var end = authority.IndexOfAny("/?#@");
        if (end < 0)
        {
            return authority.IsEmpty ? OriginSyntaxError.InvalidHost : OriginSyntaxError.None;
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

    private static OriginSyntaxError CheckDnsName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > MaxHostLength)
        {
            return OriginSyntaxError.InvalidHost;
        }

        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label.Length > MaxLabelLength)
            {
                return OriginSyntaxError.InvalidHost;
            }

            var invalid = label.IndexOfAnyExcept(s_hostChars);
            if (invalid >= 0)
            {
                return label[invalid] == '*' ? OriginSyntaxError.MisplacedWildcard : OriginSyntaxError.InvalidHost;
            }
        }

        return OriginSyntaxError.None;
    }

    private static bool IsIPv6Literal(ReadOnlySpan<char> bracketed)
    {
        var inner = bracketed[1..^1];
        return inner.Length >= 2 && inner.Contains(':') && !inner.ContainsAnyExcept(s_ipv6Chars);
    }
}
