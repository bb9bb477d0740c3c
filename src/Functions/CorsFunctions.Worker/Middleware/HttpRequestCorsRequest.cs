using Microsoft.AspNetCore.Http;

namespace CorsFunctions.Worker.Middleware;

/// <summary>An ASP.NET Core <see cref="HttpRequest"/> (the ASP.NET Core integration model) seen as an <see cref="ICorsRequest"/>.</summary>
internal sealed class HttpRequestCorsRequest(HttpRequest request) : ICorsRequest
{
    /// <inheritdoc />
    public string Method => request.Method;

    /// <inheritdoc />
    /// <remarks>Escaped like <c>Uri.AbsolutePath</c> in the built-in model, so both models resolve the same policy.</remarks>
    public string Path => request.PathBase.Add(request.Path).ToUriComponent() is { Length: > 0 } path ? path : "/";

    /// <inheritdoc />
    public string? GetHeader(string name) => request.Headers.TryGetValue(name, out var values)
        ? values.Count == 1 ? values[0] : string.Join(", ", values.ToArray())
        : null;
}
