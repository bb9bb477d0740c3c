using System.Globalization;

namespace CorsFunctions.Cli;

/// <summary>A count with its noun in the right number: <c>1 policy</c>, <c>2 policies</c>, <c>0 errors</c>.</summary>
internal static class Counted
{
    public static string Of(int count, string singular, string plural) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";

    /// <summary><c>1 policy</c>, <c>3 policies</c>.</summary>
    public static string Policies(int count) => Of(count, "policy", "policies");
}
