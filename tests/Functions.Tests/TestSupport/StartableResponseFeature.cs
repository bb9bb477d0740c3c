using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// An ASP.NET Core response that starts like Kestrel's: <see cref="StartAsync"/> runs the <c>OnStarting</c> callbacks
/// (last registered first), then the headers are sent and become read-only.
/// </summary>
internal sealed class StartableResponseFeature : IHttpResponseFeature
{
    private readonly List<(Func<object, Task> Callback, object State)> _onStarting = [];
    private readonly ResponseHeaders _headers = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers
    {
        get => _headers;
        set => throw new NotSupportedException();
    }

    public Stream Body { get; set; } = new MemoryStream();

    public bool HasStarted { get; private set; }

    /// <summary>Setting this header throws, as a broken header collection would.</summary>
    public string? FailOnHeader
    {
        get => _headers.FailOn;
        set => _headers.FailOn = value;
    }

    public void OnStarting(Func<object, Task> callback, object state)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("The response has already started.");
        }

        _onStarting.Add((callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state)
    {
    }

    /// <summary>Sends the headers.</summary>
    public async Task StartAsync()
    {
        for (var i = _onStarting.Count - 1; i >= 0; i--)
        {
            await _onStarting[i].Callback(_onStarting[i].State);
        }

        HasStarted = true;
        _headers.ReadOnly = true;
    }

    /// <summary>A context whose request is <paramref name="method"/> <paramref name="path"/> with <paramref name="headers"/>.</summary>
    public static (DefaultHttpContext Context, StartableResponseFeature Response) Request(string method, string path,
        params (string Name, string Value)[] headers)
    {
        var response = new StartableResponseFeature();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(response);
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("app.example.com");
        context.Request.Path = path;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return (context, response);
    }

    /// <summary>Every response header, the values of one name joined by <c>", "</c>.</summary>
    public Dictionary<string, string> WireHeaders() =>
        _headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
}
