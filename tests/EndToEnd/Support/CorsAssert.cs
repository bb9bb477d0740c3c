namespace CorsFunctions.EndToEnd.Support;

/// <summary>Assertions on the CORS headers of a response as they arrived over HTTP.</summary>
internal static class CorsAssert
{
    /// <summary>The single value of <paramref name="name"/>, or null when absent; fails when it came more than once.</summary>
    public static string? Header(HttpResponseMessage response, string name)
    {
        var values = Values(response, name);
        Assert.True(values.Count <= 1, $"{name} came {values.Count} times: {string.Join(" | ", values)}");
        return values.SingleOrDefault();
    }

    /// <summary>The comma-separated names of a list header (ACAM, ACAH, ACEH, Vary), trimmed.</summary>
    public static IReadOnlyList<string> List(HttpResponseMessage response, string name) =>
        [.. Values(response, name).SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>
    /// The header's field lines exactly as they arrived (not parsed into list items), " | " between lines: what a cache
    /// or proxy keys on, so both HTTP models must send the same.
    /// </summary>
    public static string? Wire(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(" | ", values) : null;

    /// <summary>A refusal: no Access-Control-Allow-* nor Expose-Headers, so the browser blocks the page.</summary>
    public static void NoCorsGrant(HttpResponseMessage response)
    {
        var granted = AllHeaders(response).Where(header =>
            header.Key.StartsWith("Access-Control-Allow-", StringComparison.OrdinalIgnoreCase)
            || header.Key.Equals("Access-Control-Expose-Headers", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(granted.Count == 0, "Unexpected CORS headers: " + string.Join(", ", granted.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
    }

    /// <summary><c>Vary</c> lists every one of <paramref name="names"/> (caches must key on them).</summary>
    public static void VaryIncludes(HttpResponseMessage response, params string[] names)
    {
        var vary = List(response, "Vary");
        foreach (var name in names)
        {
            Assert.Contains(vary, entry => entry.Equals(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The names of <paramref name="list"/> equal <paramref name="expected"/> as a set (header names are case-insensitive).</summary>
    public static void SameNames(string expected, IReadOnlyList<string> list)
    {
        var expectedNames = expected.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            expectedNames.Select(name => name.ToUpperInvariant()).Order(),
            list.Select(name => name.ToUpperInvariant()).Order());
    }

    /// <summary>No header value is a serialised .NET array (the worker pitfall of multi-value headers).</summary>
    public static void NoSerializedArrays(HttpResponseMessage response) =>
        Assert.DoesNotContain(AllHeaders(response), header => header.Value.Any(value => value.Contains("System.String[]", StringComparison.Ordinal)));

    private static List<string> Values(HttpResponseMessage response, string name) =>
        [.. AllHeaders(response).Where(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).SelectMany(header => header.Value)];

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> AllHeaders(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers);
}
