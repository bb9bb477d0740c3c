namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The one rule for adding names to <c>Vary</c>: keep what is there, add only the missing names (compared
/// case-insensitively), and leave <c>Vary: *</c> alone since it already varies on everything. A changed value lists its
/// names separated by bare commas, as the built-in HTTP model sends any list header, so both models send the same.
/// </summary>
internal static class VaryHeader
{
    /// <summary>
    /// The <c>Vary</c> value after adding <paramref name="names"/> (comma-separated) to <paramref name="existing"/>,
    /// or null when nothing needs to change.
    /// </summary>
    public static string? Append(string? existing, string names)
    {
        if (string.IsNullOrWhiteSpace(existing))
        {
            return names;
        }

        var present = existing.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (present.Contains("*"))
        {
            return null;
        }

        var missing = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(name => !present.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return missing.Count == 0 ? null : string.Join(',', present.Concat(missing));
    }
}
