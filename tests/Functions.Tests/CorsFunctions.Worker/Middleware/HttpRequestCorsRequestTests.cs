using CorsFunctions.Core;
using CorsFunctions.Worker.Middleware;
using Microsoft.AspNetCore.Http;

namespace CorsFunctions.Functions.Tests.Middleware;

public sealed class HttpRequestCorsRequestTests
{
    [Theory]
    [InlineData("", "/api/items/42", "/api/items/42")]
    [InlineData("/base", "/api/items", "/base/api/items")]
    [InlineData("", "/api/a b", "/api/a%20b")] // escaped, as Uri.AbsolutePath is in the built-in model
    [InlineData("", "", "/")]
    public void Path_is_the_escaped_absolute_path(string pathBase, string path, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.PathBase = pathBase;
        context.Request.Path = path;

        Assert.Equal(expected, new HttpRequestCorsRequest(context.Request).Path);
    }

    [Fact]
    public void Header_lines_are_joined_and_an_absent_header_is_null()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "OPTIONS";
        context.Request.Headers.Append(CorsHeaderNames.RequestHeaders, "x-a");
        context.Request.Headers.Append(CorsHeaderNames.RequestHeaders, "x-b");
        context.Request.Headers.Origin = "https://trusted.example.com";

        var request = new HttpRequestCorsRequest(context.Request);

        Assert.Equal("OPTIONS", request.Method);
        Assert.Equal("x-a, x-b", request.GetHeader(CorsHeaderNames.RequestHeaders));
        Assert.Equal("https://trusted.example.com", request.GetHeader("origin"));
        Assert.Null(request.GetHeader(CorsHeaderNames.RequestMethod));
    }
}
