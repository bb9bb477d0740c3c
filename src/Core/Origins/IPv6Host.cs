using System.Globalization;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// IPv6 hosts as the WHATWG URL standard parses and serializes them: eight pieces, the first longest run of two or
/// more zero pieces written <c>::</c>, lower-case hex without leading zeros, an embedded IPv4 part written as hex. So
/// <c>[0:0:0:0:0:0:0:1]</c> and <c>[::0001]</c> both arrive from a browser as <c>[::1]</c>.
/// </summary>
internal static class IPv6Host
{
    /// <summary>The longest serialization: eight pieces of four hex digits and seven colons.</summary>
    public const int MaxSerializedLength = 39;

    private const int Pieces = 8;

    /// <summary>The URL standard's IPv6 parser over the text between the brackets; false where a browser would refuse the URL.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<ushort> address)
    {
        address[..Pieces].Clear();
        var piece = 0;
        var compress = -1;
        var at = 0;
        if (Peek(text, at) == ':')
        {
            if (Peek(text, at + 1) != ':')
            {
                return false;
            }

            at += 2;
            compress = ++piece;
        }

        while (at < text.Length)
        {
            if (piece == Pieces)
            {
                return false;
            }

            if (text[at] == ':')
            {
                if (compress >= 0)
                {
                    return false;
                }

                at++;
                compress = ++piece;
                continue;
            }

            var value = 0;
            var length = 0;
            while (length < 4 && char.IsAsciiHexDigit(Peek(text, at)))
            {
                value = (value * 16) + HexValue(text[at]);
                at++;
                length++;
            }

            if (Peek(text, at) == '.')
            {
                return length > 0 && piece <= Pieces - 2 && TryParseIPv4Tail(text[(at - length)..], address, ref piece) && Finish(address, piece, compress);
            }

            if (Peek(text, at) == ':')
            {
                at++;
                if (at == text.Length)
                {
                    return false;
                }
            }
            else if (at < text.Length)
            {
                return false;
            }

            address[piece++] = (ushort)value;
        }

        return Finish(address, piece, compress);
    }

    /// <summary>Writes the serialization of <paramref name="address"/> (without brackets) and returns its length.</summary>
    public static int Serialize(ReadOnlySpan<ushort> address, Span<char> destination)
    {
        var (compress, _) = LongestZeroRun(address);
        var written = 0;
        for (var piece = 0; piece < Pieces; piece++)
        {
            if (piece == compress)
            {
                destination[written++] = ':';
                if (piece == 0)
                {
                    destination[written++] = ':';
                }

                while (piece + 1 < Pieces && address[piece + 1] == 0)
                {
                    piece++;
                }

                continue;
            }

            address[piece].TryFormat(destination[written..], out var digits, "x", CultureInfo.InvariantCulture);
            written += digits;
            if (piece != Pieces - 1)
            {
                destination[written++] = ':';
            }
        }

        return written;
    }

    private static char Peek(ReadOnlySpan<char> text, int at) => at < text.Length ? text[at] : '\0';

    private static int HexValue(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>The dotted-decimal tail (<c>::ffff:127.0.0.1</c>): four decimal bytes without leading zeros, filling two pieces.</summary>
    private static bool TryParseIPv4Tail(ReadOnlySpan<char> text, Span<ushort> address, ref int piece)
    {
        var numbersSeen = 0;
        var at = 0;
        while (at < text.Length)
        {
            if (numbersSeen > 0)
            {
                if (text[at] != '.' || numbersSeen == 4)
                {
                    return false;
                }

                at++;
            }

            if (!char.IsAsciiDigit(Peek(text, at)))
            {
                return false;
            }

            var number = -1;
            while (char.IsAsciiDigit(Peek(text, at)))
            {
                if (number == 0)
                {
                    return false;
                }

                number = (number < 0 ? 0 : number * 10) + (text[at] - '0');
                if (number > 255)
                {
                    return false;
                }

                at++;
            }

            address[piece] = (ushort)((address[piece] << 8) + number);
            numbersSeen++;
            if (numbersSeen is 2 or 4)
            {
                piece++;
            }
        }

        return numbersSeen == 4;
    }

    /// <summary>Moves the pieces after <c>::</c> to the end; without <c>::</c> all eight pieces must have been written.</summary>
    private static bool Finish(Span<ushort> address, int piece, int compress)
    {
        if (compress < 0)
        {
            return piece == Pieces;
        }

        var swaps = piece - compress;
        for (var last = Pieces - 1; last != 0 && swaps > 0; last--, swaps--)
        {
            (address[last], address[compress + swaps - 1]) = (address[compress + swaps - 1], address[last]);
        }

        return true;
    }

    /// <summary>The first longest run of at least two zero pieces, or (-1, 0).</summary>
    private static (int Start, int Length) LongestZeroRun(ReadOnlySpan<ushort> address)
    {
        var best = (Start: -1, Length: 1);
        for (var start = 0; start < Pieces; start++)
        {
            var length = 0;
            while (start + length < Pieces && address[start + length] == 0)
            {
                length++;
            }

            if (length > best.Length)
            {
                best = (start, length);
            }

            start += length;
        }

        return best.Start < 0 ? (-1, 0) : best;
    }
}
