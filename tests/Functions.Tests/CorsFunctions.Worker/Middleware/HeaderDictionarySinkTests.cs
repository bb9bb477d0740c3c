using CorsFunctions.Core;
using CorsFunctions.Worker.Middleware;
using Microsoft.AspNetCore.Http;

namespace CorsFunctions.Functions.Tests.Middleware;

public sealed class HeaderDictionarySinkTests
{
    [Fact]
    public void Vary_of_several_lines_is_kept_and_extended_into_one_value()
    {
        var headers = new HeaderDictionary { [CorsHeaderNames.Vary] = new(["Accept-Encoding", "Accept-Language"]) };

        new HeaderDictionarySink(headers).AppendVary("Origin");

        Assert.Equal("Accept-Encoding,Accept-Language,Origin", Assert.Single(headers[CorsHeaderNames.Vary]));
    }

    [Fact]
    public void Vary_that_already_names_everything_is_not_touched()
    {
        var headers = new HeaderDictionary { [CorsHeaderNames.Vary] = "ORIGIN" };

        new HeaderDictionarySink(headers).AppendVary("Origin");

        Assert.Equal("ORIGIN", Assert.Single(headers[CorsHeaderNames.Vary]));
    }

    [Fact]
    public void A_header_is_set_once_replacing_an_earlier_value_and_other_headers_are_untouched()
    {
        var headers = new HeaderDictionary { [CorsHeaderNames.AllowOrigin] = new(["https://stale.example.com", "x"]), ["ETag"] = "\"v1\"" };

        var sink = new HeaderDictionarySink(headers);
        sink.SetHeader(CorsHeaderNames.AllowOrigin, "https://trusted.example.com");

        Assert.Equal("https://trusted.example.com", Assert.Single(headers[CorsHeaderNames.AllowOrigin]));
        Assert.Equal("\"v1\"", Assert.Single(headers["ETag"]));
    }

    [Fact]
    public void Remove_takes_a_header_back()
    {
        var headers = new HeaderDictionary { [CorsHeaderNames.AllowOrigin] = "https://trusted.example.com" };

        new HeaderDictionarySink(headers).Remove(CorsHeaderNames.AllowOrigin);

        Assert.False(headers.ContainsKey(CorsHeaderNames.AllowOrigin));
    }
}
