using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>An in-memory <see cref="HttpRequestData"/>, as the worker hands it to a function.</summary>
internal sealed class FakeHttpRequestData : HttpRequestData
{
    public FakeHttpRequestData(string method, string url, IEnumerable<KeyValuePair<string, string>>? headers = null,
        string? body = null, FunctionContext? context = null)
        : base(context ?? BuiltInModelContext())
    {
        Method = method;
        Url = new Uri(url);
        Headers = new HttpHeadersCollection(headers ?? []);
        Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""));
    }

    public override Stream Body { get; }

    public override HttpHeadersCollection Headers { get; }

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; }

    /// <summary>What the host attached to the invocation (its key identity, when a key was presented).</summary>
    public override IEnumerable<ClaimsIdentity> Identities => IdentitiesFromHost;

    public IReadOnlyList<ClaimsIdentity> IdentitiesFromHost { get; init; } = [];

    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new FakeHttpResponseData(FunctionContext);

    /// <summary>An invocation of the built-in model: no HttpContext among its items.</summary>
    private static FunctionContext BuiltInModelContext()
    {
        var context = new Mock<FunctionContext>();
        context.Setup(c => c.Items).Returns(new Dictionary<object, object>());
        return context.Object;
    }
}
