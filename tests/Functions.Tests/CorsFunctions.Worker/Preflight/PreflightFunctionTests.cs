using System.Net;
using CorsFunctions.Worker.Preflight;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Functions.Tests.Preflight;

public sealed class PreflightFunctionTests
{
    [Fact]
    public void A_plain_OPTIONS_that_reaches_the_body_gets_204_and_no_CORS_header()
    {
        var request = new FakeHttpRequestData("OPTIONS", "https://app.example.com/api/items",
            [new("Origin", "https://trusted.example.com")]);

        var response = Assert.IsType<FakeHttpResponseData>(PreflightFunction.Run(request));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(response.WireHeaders());
    }
}
