using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Tests.Support;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

public class CorsPolicyActualRequestTests
{
    [Fact]
    public void Rule17_the_actual_response_carries_acao_and_acac_when_credentialed()
    {
        var result = Compile(Valid with { AllowCredentials = true }).EvaluateActualRequest(AppOrigin);

        Assert.True(result.IsAllowed);
        Assert.Equal(
            new Dictionary<string, string> { [CorsHeaderNames.AllowOrigin] = AppOrigin, [CorsHeaderNames.AllowCredentials] = "true" },
            RecordingSink.Of(result).Headers);
    }

    [Theory]
    [InlineData("https://*.example.com", "https://a.b.example.com", "https://a.b.example.com")]
    [InlineData("https://App.Example.com:443", AppOrigin, AppOrigin)]
    [InlineData("*", AppOrigin, "*")]
    public void Rule17_the_actual_response_carries_acao_without_acac_when_not_credentialed(string allowed, string origin, string allowOrigin)
    {
        var result = WithOrigins(allowed).EvaluateActualRequest(origin);

        Assert.Equal(allowOrigin, result.AllowOrigin);
        Assert.Null(result.AllowCredentials);
    }

    [Fact]
    public void Rule18_expose_headers_go_on_actual_responses()
    {
        var result = Compile(Valid with { ExposedHeaders = ["X-Total", "X-Page"] }).EvaluateActualRequest(AppOrigin);

        Assert.Equal("X-Total, X-Page", RecordingSink.Of(result).Headers[CorsHeaderNames.ExposeHeaders]);
    }

    [Fact]
    public void Rule18_star_exposes_every_header_without_credentials()
    {
        var result = Compile(Valid with { ExposedHeaders = ["*"] }).EvaluateActualRequest(AppOrigin);

        Assert.Equal("*", result.ExposeHeaders);
    }

    [Fact]
    public void Rule18_no_expose_headers_when_none_are_configured() =>
        Assert.DoesNotContain(CorsHeaderNames.ExposeHeaders, RecordingSink.Of(Compile(Valid).EvaluateActualRequest(AppOrigin)).Headers.Keys);

    [Theory]
    [InlineData(AppOrigin)]
    [InlineData("https://evil.example")]
    [InlineData("not an origin")]
    public void Rule19_every_actual_response_varies_on_origin_allowed_or_not(string origin)
    {
        var sink = RecordingSink.Of(Compile(Valid).EvaluateActualRequest(origin));

        Assert.Equal([ActualRequestResult.VaryValue], sink.VaryAppends);
        Assert.Equal("Origin", ActualRequestResult.VaryValue);
    }

    [Theory]
    [InlineData("https://evil.example", CorsRejection.OriginNotAllowed)]
    [InlineData("https://app.example.com.evil.example", CorsRejection.OriginNotAllowed)]
    [InlineData("null", CorsRejection.OriginNotAllowed)]
    [InlineData("https://app.example.com\r\nX-Injected: 1", CorsRejection.MalformedRequest)]
    [InlineData("https://app.example.com/", CorsRejection.MalformedRequest)]
    [InlineData("", CorsRejection.MalformedRequest)]
    public void Rule20_a_refused_origin_gets_no_cors_header(string origin, CorsRejection rejection)
    {
        var result = Compile(Valid with { AllowCredentials = true, ExposedHeaders = ["X-Total"] }).EvaluateActualRequest(origin);

        Assert.Equal(rejection, result.Rejection);
        Assert.Null(result.AllowOrigin);
        Assert.Empty(RecordingSink.Of(result).Headers);
    }

    [Fact]
    public void Rule20_a_reject_result_made_by_a_host_writes_only_vary()
    {
        var sink = RecordingSink.Of(ActualRequestResult.Reject(CorsRejection.InvalidPolicy));

        Assert.Empty(sink.Headers);
        Assert.Equal([ActualRequestResult.VaryValue], sink.VaryAppends);
    }

    [Fact]
    public void A_null_origin_reference_is_malformed_not_an_exception() =>
        Assert.Equal(CorsRejection.MalformedRequest, Compile(Valid).EvaluateActualRequest(null!).Rejection);
}
