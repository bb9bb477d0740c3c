using CorsFunctions.Core;
using CorsFunctions.Functions.Middleware;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Functions.Tests.Middleware;

public sealed class HttpHeadersSinkTests
{
    [Fact]
    public void Vary_is_appended_to_the_functions_own_Vary_never_replacing_it()
    {
        var headers = Headers(("Vary", "Accept-Encoding"));

        new HttpHeadersSink(headers).AppendVary("Origin");

        Assert.Equal("Accept-Encoding,Origin", Wire(headers, "Vary"));
    }

    [Fact]
    public void Vary_names_already_present_are_not_repeated_whatever_their_case()
    {
        var headers = Headers(("Vary", "origin, Accept-Encoding"));

        new HttpHeadersSink(headers).AppendVary("Origin, Access-Control-Request-Method");

        Assert.Equal("origin,Accept-Encoding,Access-Control-Request-Method", Wire(headers, "Vary"));
    }

    [Fact]
    public void Vary_star_is_left_alone_because_it_already_varies_on_everything()
    {
        var headers = Headers(("Vary", "*"));

        new HttpHeadersSink(headers).AppendVary("Origin");

        Assert.Equal("*", Wire(headers, "Vary"));
    }

    [Fact]
    public void Vary_set_on_several_lines_by_the_function_is_kept_and_extended()
    {
        var headers = Headers(("Vary", "Accept-Encoding"), ("Vary", "Accept-Language"));

        new HttpHeadersSink(headers).AppendVary("Origin");

        Assert.Equal("Accept-Encoding,Accept-Language,Origin", Wire(headers, "Vary"));
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
