using System.Text;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Makes a raw request value fit for a log: bounded in length and reduced to printable ASCII, so a
/// hostile header can neither flood the logs nor forge log lines.
/// </summary>
internal static class SafeLogValue
{
    /// <summary>The most characters of a raw value that reach a log.</summary>
    public const int MaxLength = 128;

    /// <summary>Shown for a value the request did not carry.</summary>
    public const string Absent = "(none)";

    /// <summary>The value, cut to <see cref="MaxLength"/> with <c>...</c>, every character outside printable ASCII as <c>?</c>.</summary>
    public static string Bound(string? value)
    {
        if (value is null)
        {
            return Absent;
        }

        var cut = value.Length > MaxLength;
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 3);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxLength)))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return cut ? builder.Append("...").ToString() : builder.ToString();
    }
}
