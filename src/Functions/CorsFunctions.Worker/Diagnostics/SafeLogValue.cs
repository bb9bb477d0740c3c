using System.Globalization;
using System.Text;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Makes a raw value fit for a log: bounded in length and reduced to printable ASCII, so a hostile header or a
/// policy id someone typed into the table can neither flood the logs nor forge log lines. Beyond CR and LF, a log
/// viewer also breaks lines at U+2028 and U+2029 and reorders text around bidi controls such as U+202E (a line can
/// then read differently from what it holds): <see cref="IsUnsafe"/> names every such character, for the places that
/// keep other Unicode text (the console lines the host relays).
/// </summary>
internal static class SafeLogValue
{
    /// <summary>The most characters of a raw value that reach a log.</summary>
    public const int MaxLength = 128;

    /// <summary>Shown for a value the request did not carry.</summary>
    public const string Absent = "(none)";

    /// <summary>
    /// Whether <paramref name="c"/> must never reach a log as it is: a control character (Cc: CR, LF, ESC...), a line
    /// or paragraph separator (Zl U+2028, Zp U+2029), or a format character (Cf: bidi overrides and isolates such as
    /// U+202E and U+2066, zero-width characters, U+FEFF).
    /// </summary>
    public static bool IsUnsafe(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;

    /// <summary>The value, cut to <see cref="MaxLength"/> with <c>...</c>, every character outside printable ASCII as <c>?</c>.</summary>
    public static string Bound(string? value)
    {
        if (value is null)
        {
            return Absent;
        }

        // The common case (a valid policy id, an ordinary origin) is logged as it is, without a copy.
        if (value.Length <= MaxLength && !value.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return value;
        }

        var cut = value.Length > MaxLength;
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 3);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxLength)))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return cut ? builder.Append("...").ToString() : builder.ToString();
    }

    /// <summary>
    /// A policy id (or another optional value) for a log: <see cref="Bound(string?)"/>, except that null stays null,
    /// so "no policy" reads as it always did.
    /// </summary>
    public static string? BoundOrNull(string? value) => value is null ? null : Bound(value);
}
