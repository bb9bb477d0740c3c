using CorsFunctions.Worker.Middleware;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>A request given as plain values.</summary>
internal sealed class FakeCorsRequest(string method, string path, params (string Name, string Value)[] headers) : ICorsRequest
{
    public string Method => method;

    public string Path => path;

    public string? GetHeader(string name) =>
        headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
