namespace CorsFunctions.Core.Http;

/// <summary>The few pieces of HTTP grammar (RFC 9110) that CORS values are made of.</summary>
internal static class HttpSyntax
{
    /// <summary>Whether <paramref name="c"/> is a <c>tchar</c>: the characters of a method or header name.</summary>
    public static bool IsTokenChar(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' => true,
        '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~' => true,
        _ => false,
    };

    /// <summary>Whether <paramref name="value"/> is a non-empty token.</summary>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Optional white space: space or horizontal tab.</summary>
    public static bool IsOws(char c) => c is ' ' or '\t';

    /// <summary>Removes optional white space from both ends.</summary>
    public static ReadOnlySpan<char> TrimOws(ReadOnlySpan<char> value) => value.Trim(" \t");
}
