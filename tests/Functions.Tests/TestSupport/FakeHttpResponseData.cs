using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>An in-memory <see cref="HttpResponseData"/>.</summary>
internal sealed class FakeHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override System.Net.HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies { get; } = new Mock<HttpCookies>().Object;

    public string ReadBody() => Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());

    /// <summary>Every header as the gRPC layer sends it: the values of one name joined by a comma.</summary>
    public IReadOnlyDictionary<string, string> WireHeaders() =>
        Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
}
