using System.Buffers;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// IPv4 hosts as the WHATWG URL standard reads them: a host whose last label is a number is an address, written in
/// one to four parts, each decimal, octal (leading <c>0</c>) or hex (<c>0x</c>), so <c>127.1</c>, <c>0x7f.0.0.1</c> and
/// <c>2130706433</c> all name 127.0.0.1. Browsers serialize every such host as the dotted quad, so only that spelling
/// can arrive in an <c>Origin</c>.
/// </summary>
internal static class IPv4Host
{
    // A SearchValues, not ContainsAnyExceptInRange: that allocates on every call in this runtime, and requests come here.
    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    /// <summary>Whether <paramref name="text"/> is one or more ASCII digits.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(s_digits);

    /// <summary>The URL standard's "ends in a number": the last label (a trailing dot ignored) is decimal digits or an IPv4 number.</summary>
    public static bool EndsInANumber(ReadOnlySpan<char> host)
    {
        host = WithoutTrailingDot(host);
        var last = host[(host.LastIndexOf('.') + 1)..];
        return IsDigits(last) || TryParseNumber(last, out _);
    }

    /// <summary>The URL standard's IPv4 parser; false where a browser would refuse the URL.</summary>
    public static bool TryParse(ReadOnlySpan<char> host, out uint address)
    {
        address = 0;
        Span<ulong> numbers = stackalloc ulong[4];
        var count = 0;
        foreach (var range in WithoutTrailingDot(host).Split('.'))
        {
            if (count == numbers.Length || !TryParseNumber(host[range], out numbers[count]))
            {
                return false;
            }

            count++;
        }

        var last = numbers[count - 1];
        if (last >= 1UL << (8 * (5 - count)))
        {
            return false;
        }

        for (var i = 0; i < count - 1; i++)
        {
            if (numbers[i] > 255)
            {
                return false;
            }

            last += numbers[i] << (8 * (3 - i));
        }

        address = (uint)last;
        return true;
    }

    /// <summary>The dotted quad a browser serializes <paramref name="address"/> as.</summary>
    public static string Serialize(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";

    private static ReadOnlySpan<char> WithoutTrailingDot(ReadOnlySpan<char> host) =>
        host.Length > 1 && host[^1] == '.' ? host[..^1] : host;

    /// <summary>One part: decimal, octal after a leading <c>0</c>, hex after <c>0x</c>; values past 32 bits fail, as no address holds them.</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> part, out ulong value)
    {
        value = 0;
        if (part.IsEmpty)
        {
            return false;
        }

        var radix = 10;
        if (part.Length >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X'))
        {
            radix = 16;
            part = part[2..];
        }
        else if (part.Length >= 2 && part[0] == '0')
        {
            radix = 8;
            part = part[1..];
        }

        foreach (var c in part)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : int.MaxValue;
            if (digit >= radix)
            {
                return false;
            }

            value = (value * (uint)radix) + (uint)digit;
            if (value > uint.MaxValue)
            {
                return false;
            }
        }

        return true;
    }
}
