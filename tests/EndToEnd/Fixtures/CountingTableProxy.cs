using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// A forwarding proxy between the worker and Azurite that counts the reads of the policy table, so a test can
/// prove the request path never touches storage (only the refresher does), and that can refuse every request
/// the way storage refuses an identity whose role was removed (403), to cause an outage.
/// </summary>
internal sealed class CountingTableProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Transfer-Encoding", "Connection" };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly string _tablePath;
    private long _tableReads;
    private volatile bool _refusing;

    private CountingTableProxy(WebApplication app, HttpClient upstream, string tableName)
    {
        _app = app;
        _upstream = upstream;
        _tablePath = $"/devstoreaccount1/{tableName}";
    }

    public int Port { get; private init; }

    /// <summary>GET requests on the policy table (queries and point reads) forwarded so far.</summary>
    public long TableReads => Interlocked.Read(ref _tableReads);

    /// <summary>Refuses every request with 403 until the returned scope is disposed.</summary>
    public IDisposable Refuse()
    {
        _refusing = true;
        return new Outage(this);
    }

    public static async Task<CountingTableProxy> StartAsync(int azuritePort, string tableName)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{azuritePort}"),
        };
        var proxy = new CountingTableProxy(builder.Build(), upstream, tableName) { Port = port };
        proxy._app.Run(proxy.ForwardAsync);
        await proxy._app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        if (_refusing)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // Entity reads are GET /devstoreaccount1/<table>() (query) or /devstoreaccount1/<table>(PartitionKey=..,RowKey=..).
        if (HttpMethods.IsGet(request.Method) && request.Path.Value?.StartsWith(_tablePath, StringComparison.OrdinalIgnoreCase) == true)
        {
            Interlocked.Increment(ref _tableReads);
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forwarded.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHopHeaders.Contains(name) && !forwarded.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var answer = await _upstream.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private sealed class Outage(CountingTableProxy proxy) : IDisposable
    {
        public void Dispose() => proxy._refusing = false;
    }
}
