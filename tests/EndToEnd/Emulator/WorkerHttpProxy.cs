using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// The host's side of the ASP.NET Core integration (worker capability <c>HttpUri</c>): the HTTP request itself is
/// forwarded to the worker's own HTTP server, tagged with the invocation id in <c>x-ms-invocation-id</c>, while the
/// invocation goes over gRPC; the worker pairs the two by that id and answers on the HTTP connection.
/// </summary>
internal sealed class WorkerHttpProxy(Uri workerHttpUri) : IDisposable
{
    /// <summary>The header the worker's HTTP coordinator pairs a request with its gRPC invocation by.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    // Framing belongs to each connection; Date and Server are the front's own.
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Date", "Server",
    };

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    });

    /// <summary>Forwards <paramref name="request"/> (method, path, query, headers, body) as invocation <paramref name="invocationId"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequest request, string invocationId)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(workerHttpUri, request.GetEncodedPathAndQuery()))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach (var (name, values) in request.Headers)
        {
            if (!HopHeaders.Contains(name) && !forwarded.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forwarded.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        forwarded.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        forwarded.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        forwarded.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        return await _client.SendAsync(forwarded, request.HttpContext.RequestAborted);
    }

    /// <summary>Writes the worker's HTTP answer (status, every header, body) to <paramref name="response"/>.</summary>
    public static async Task WriteAsync(HttpResponseMessage answer, HttpResponse response)
    {
        response.StatusCode = (int)answer.StatusCode;
        // The field lines as the worker sent them (NonValidated): enumerating the parsed headers would split a list header
        // such as Vary into one line per name, which the host's forwarder does not do.
        foreach (var (name, values) in answer.Headers.NonValidated.Concat(answer.Content.Headers.NonValidated))
        {
            if (!HopHeaders.Contains(name))
            {
                response.Headers.Append(name, values.ToArray());
            }
        }

        await answer.Content.CopyToAsync(response.Body, response.HttpContext.RequestAborted);
    }

    public void Dispose() => _client.Dispose();
}
