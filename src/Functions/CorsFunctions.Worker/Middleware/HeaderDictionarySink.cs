using CorsFunctions.Core;
using Microsoft.AspNetCore.Http;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// Writes a CORS decision onto an ASP.NET Core response's headers (the ASP.NET Core integration model): one
/// value per header, <c>Vary</c> extended, never replaced.
/// </summary>
internal readonly struct HeaderDictionarySink(IHeaderDictionary headers) : IResponseHeaderSink
{
    /// <inheritdoc />
    public void SetHeader(string name, string value) => headers[name] = value;

    /// <inheritdoc />
    public void AppendVary(string value)
    {
        var existing = headers.TryGetValue(CorsHeaderNames.Vary, out var values) ? string.Join(", ", values.ToArray()) : null;
        if (VaryHeader.Append(existing, value) is { } vary)
        {
            headers[CorsHeaderNames.Vary] = vary;
        }
    }

    /// <inheritdoc />
    public void Remove(string name) => headers.Remove(name);
}
