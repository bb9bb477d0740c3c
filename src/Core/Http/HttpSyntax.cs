using System.Buffers;

namespace CorsFunctions.Core.Http;

/// <summary>The few pieces of HTTP grammar (RFC 9110) that CORS values are made of.</summary>
internal static class HttpSyntax
{
    /// <summary>
    /// The longest <c>Access-Control-Request-Method</c> accepted. Real methods are short (<c>VERSION-CONTROL</c>
    /// is 15); the bound keeps a hostile value out of echoed headers and log details.
    /// </summary>
    public const int MaxMethodLength = 64;

    // The tchar set of RFC 9110: the characters of a method or header name. Vectorised: names are checked on every preflight.
    private static readonly SearchValues<char> s_tokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Whether <paramref name="value"/> is a non-empty token.</summary>
    public static bool IsToken(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(s_tokenChars);

    /// <summary>Removes optional white space (space and horizontal tab, nothing else) from both ends.</summary>
    public static ReadOnlySpan<char> TrimOws(ReadOnlySpan<char> value) => value.Trim(" \t");
}
