using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The text of a <see cref="PolicyMode"/> in table rows, JSON and metric tags: <c>enforce</c> or <c>reportOnly</c>
/// (any case when read). One spelling everywhere, so a row, a file and a metric say the same thing.
/// </summary>
internal static class PolicyModeText
{
    /// <summary>The text of <see cref="PolicyMode.Enforce"/>.</summary>
    public const string Enforce = "enforce";

    /// <summary>The text of <see cref="PolicyMode.ReportOnly"/>.</summary>
    public const string ReportOnly = "reportOnly";

    /// <summary>The text of <paramref name="mode"/>.</summary>
    public static string Format(PolicyMode mode) => mode == PolicyMode.ReportOnly ? ReportOnly : Enforce;

    /// <summary>Reads <c>enforce</c> or <c>reportOnly</c>, ignoring case; false for anything else.</summary>
    public static bool TryParse(string? text, out PolicyMode mode)
    {
        mode = PolicyMode.Enforce;
        if (string.Equals(text, Enforce, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, ReportOnly, StringComparison.OrdinalIgnoreCase))
        {
            mode = PolicyMode.ReportOnly;
            return true;
        }

        return false;
    }
}
