using CorsFunctions.Core;
using CorsFunctions.Worker.Middleware;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Functions.Tests.Middleware;

public sealed class HttpHeadersSinkTests
{
    [Theory]
    [InlineData(new[] { "Accept-Encoding" }, "Origin", "Accept-Encoding,Origin")] // appended, never replaced
    [InlineData(new[] { "origin, Accept-Encoding" }, "Origin, Access-Control-Request-Method",
        "origin,Accept-Encoding,Access-Control-Request-Method")] // names already there are not repeated, whatever their case
    [InlineData(new[] { "*" }, "Origin", "*")] // "Vary: *" already varies on everything
    [InlineData(new[] { "Accept-Encoding", "Accept-Language" }, "Origin", "Accept-Encoding,Accept-Language,Origin")] // several lines kept
    [InlineData(new string[0], "Origin", "Origin")]
    public void Vary_keeps_what_the_function_set_and_adds_the_missing_names(string[] functionVary, string added, string expectedOnTheWire)
    {
        var headers = Headers([.. functionVary.Select(value => ("Vary", value))]);

        new HttpHeadersSink(headers).AppendVary(added);

        Assert.Equal(expectedOnTheWire, Wire(headers, "Vary"));
    }

    [Fact]
    public void A_header_is_set_once_replacing_an_earlier_value()
    {
        var headers = Headers((CorsHeaderNames.AllowOrigin, "https://stale.example.com"));

        new HttpHeadersSink(headers).SetHeader(CorsHeaderNames.AllowOrigin, "https://trusted.example.com");

        Assert.Equal("https://trusted.example.com", Single(headers, CorsHeaderNames.AllowOrigin));
    }

    [Fact]
    public void Headers_other_than_the_ones_written_are_untouched()
    {
        var headers = Headers(("ETag", "\"v1\""), ("Content-Type", "application/json"));

        var sink = new HttpHeadersSink(headers);
        sink.SetHeader(CorsHeaderNames.AllowOrigin, "https://trusted.example.com");
        sink.AppendVary("Origin");

        Assert.Equal("\"v1\"", Single(headers, "ETag"));
        Assert.Equal("application/json", Single(headers, "Content-Type"));
    }

    private static HttpHeadersCollection Headers(params (string Name, string Value)[] headers)
    {
        var collection = new HttpHeadersCollection();
        foreach (var (name, value) in headers)
        {
            collection.TryAddWithoutValidation(name, value);
        }

        return collection;
    }

    // The header as the worker's gRPC layer sends it: every value of the name joined by a comma.
    private static string Wire(HttpHeadersCollection headers, string name) =>
        string.Join(",", headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value);

    // Exactly one value: a second ACAO would reach the wire comma-joined, which browsers refuse.
    private static string Single(HttpHeadersCollection headers, string name) =>
        Assert.Single(headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value);
}
