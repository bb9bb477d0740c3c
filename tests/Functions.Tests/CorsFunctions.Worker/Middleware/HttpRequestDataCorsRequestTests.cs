using CorsFunctions.Core;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Functions.Tests.Middleware;

public sealed class HttpRequestDataCorsRequestTests
{
    [Fact]
    public void Path_is_the_absolute_path_of_the_URL_with_the_route_prefix_and_without_the_query()
    {
        var request = new HttpRequestDataCorsRequest(new FakeHttpRequestData("GET", "https://app.example.com/api/items/42?code=secret"));

        Assert.Equal("/api/items/42", request.Path);
        Assert.Equal("GET", request.Method);
    }

    [Fact]
    public void Header_given_on_several_lines_is_read_as_one_comma_separated_value()
    {
        var request = new HttpRequestDataCorsRequest(new FakeHttpRequestData("OPTIONS", "https://app.example.com/api/items",
            [new(CorsHeaderNames.RequestHeaders, "x-auth-token"), new(CorsHeaderNames.RequestHeaders, "content-type")]));

        Assert.Equal("x-auth-token, content-type", request.GetHeader(CorsHeaderNames.RequestHeaders));
    }

    [Fact]
    public void Header_names_are_matched_case_insensitively_and_absent_headers_are_null()
    {
        var request = new HttpRequestDataCorsRequest(new FakeHttpRequestData("GET", "https://app.example.com/api/items",
            [new("origin", "https://trusted.example.com")]));

        Assert.Equal("https://trusted.example.com", request.GetHeader(CorsHeaderNames.Origin));
        Assert.Null(request.GetHeader(CorsHeaderNames.RequestMethod));
    }

    [Theory]
    [InlineData("https://trusted.example.com\u0001")]
    [InlineData("  https://trusted.example.com  ")]
    [InlineData("not an origin, at all")]
    public void Header_values_are_read_raw_as_the_browser_sent_them(string value)
    {
        var request = new HttpRequestDataCorsRequest(new FakeHttpRequestData("GET", "https://app.example.com/api/items",
            [new(CorsHeaderNames.Origin, value)]));

        Assert.Equal(value, request.GetHeader(CorsHeaderNames.Origin));
    }
}
