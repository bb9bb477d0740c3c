using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// The page's origin for the browser cases: an empty HTML page on http://localhost:PORT, a different origin
/// from the API on http://127.0.0.1:PORT. Tests run their fetch calls in it.
/// </summary>
internal sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageServer(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The page origin, serialized (no trailing slash), e.g. <c>http://localhost:PORT</c>.</summary>
    public Uri Origin { get; }

    public string SerializedOrigin => Origin.GetLeftPart(UriPartial.Authority);

    public static async Task<PageServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<!doctype html><html><head><title>cors e2e</title></head><body></body></html>");
        });
        await app.StartAsync();
        return new PageServer(app, new Uri($"http://localhost:{port}/"));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
