using CorsFunctions.Core;
using CorsFunctions.Worker.Middleware;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>A request given as plain values.</summary>
internal sealed class FakeCorsRequest(string method, string path, params (string Name, string Value)[] headers) : ICorsRequest
{
    public string Method => method;

    public string Path => path;

    public string? GetHeader(string name) =>
        headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>A preflight: OPTIONS with Origin, Access-Control-Request-Method and the optional request headers.</summary>
    public static FakeCorsRequest Preflight(string path, string origin, string method, string? headers = null, string? privateNetwork = null)
    {
        var values = new List<(string, string)> { (CorsHeaderNames.Origin, origin), (CorsHeaderNames.RequestMethod, method) };
        if (headers is not null)
        {
            values.Add((CorsHeaderNames.RequestHeaders, headers));
        }

        if (privateNetwork is not null)
        {
            values.Add((CorsHeaderNames.RequestPrivateNetwork, privateNetwork));
        }

        return new FakeCorsRequest("OPTIONS", path, [.. values]);
    }
}
