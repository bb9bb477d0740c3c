using CorsFunctions.Core;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// Writes a CORS decision onto a worker header collection (the built-in HTTP model). Each header is stored as one
/// plain string (no <c>string[]</c> that could be serialised as <c>System.String[]</c>, worker issue #1490), and
/// <c>Vary</c> keeps whatever the function put there.
/// </summary>
internal readonly struct HttpHeadersSink(HttpHeadersCollection headers) : IResponseHeaderSink
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
        if (VaryHeader.Append(existing, value) is { } vary)
        {
            SetHeader(CorsHeaderNames.Vary, vary);
        }
    }

    /// <inheritdoc />
    public void Remove(string name) => headers.Remove(name);
}
