using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Worker.Middleware;

/// <summary>The worker's <see cref="HttpRequestData"/> seen as an <see cref="ICorsRequest"/>.</summary>
internal sealed class HttpRequestDataCorsRequest(HttpRequestData request) : ICorsRequest
{
    /// <inheritdoc />
    public string Method => request.Method;

    /// <inheritdoc />
    public string Path => request.Url.AbsolutePath;

    /// <inheritdoc />
    /// <remarks>Reads the raw values: a parsing header collection could rewrite or drop what the browser sent.</remarks>
    public string? GetHeader(string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
