namespace CorsFunctions.Core.Origins;

/// <summary>
/// Checks A-labels (<c>xn--</c>...) the way UTS #46 does before a browser accepts a host: the rest must decode as
/// Punycode (RFC 3492) to at least one non-ASCII code point. Nothing is decoded into memory: only the arithmetic of
/// the decoder runs, so a request's <c>Origin</c> is checked without allocating.
/// </summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;
    private const int MaxCodePoint = 0x10FFFF;

    /// <summary>The length of the ACE prefix <c>xn--</c>.</summary>
    public const int AcePrefixLength = 4;

    /// <summary>
    /// Whether the A-label <paramref name="label"/> (starting with <c>xn--</c> in any case) decodes; its characters are
    /// already known to be letters, digits, '-' or '_'.
    /// </summary>
    public static bool IsValidALabel(ReadOnlySpan<char> label)
    {
        var encoded = label[AcePrefixLength..];
        var delimiter = encoded.LastIndexOf('-');
        var basicCount = delimiter < 0 ? 0 : delimiter;
        var deltas = encoded[(delimiter + 1)..];
        if (deltas.IsEmpty)
        {
            return false; // "xn--" or "xn--abc-": nothing but ASCII, which must not be written as an A-label
        }

        long n = InitialN;
        long i = 0;
        var bias = InitialBias;
        var length = basicCount;
        var at = 0;
        while (at < deltas.Length)
        {
            var oldI = i;
            long w = 1;
            for (var k = Base; ; k += Base)
            {
                if (at == deltas.Length)
                {
                    return false;
                }

                var digit = Digit(deltas[at++]);
                if (digit < 0)
                {
                    return false;
                }

                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                w *= Base - t;
                if (i > int.MaxValue || w > int.MaxValue)
                {
                    return false;
                }
            }

            length++;
            bias = Adapt(i - oldI, length, oldI == 0);
            n += i / length;
            i %= length;
            if (n > MaxCodePoint || n is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static int Digit(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static int Adapt(long delta, int length, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / length;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return (int)(k + ((Base - TMin + 1) * delta / (delta + Skew)));
    }
}
