using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// Writes a CORS decision onto a worker header collection. Each header is stored as one plain string
/// (no <c>string[]</c> that could be serialised as <c>System.String[]</c>, worker issue #1490), and
/// <c>Vary</c> keeps whatever the function put there.
/// </summary>
internal readonly struct HttpHeadersSink(HttpHeadersCollection headers) : ICorsHeaderSink
{
    /// <inheritdoc />
    public void SetHeader(string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }

    /// <inheritdoc />
    public void AppendVary(string value)
    {
        var existing = headers.NonValidated.TryGetValues(CorsHeaderNames.Vary, out var values) ? values.ToString() : null;
        if (string.IsNullOrWhiteSpace(existing))
        {
            SetHeader(CorsHeaderNames.Vary, value);
            return;
        }

        var present = existing.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (present.Contains("*"))
        {
            return; // "Vary: *" already varies on everything.
        }

        var missing = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(name => !present.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missing.Count > 0)
        {
            SetHeader(CorsHeaderNames.Vary, string.Join(", ", [existing, .. missing]));
        }
    }
}
