using System.Net;
using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Middleware;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Functions.Tests.Middleware;

/// <summary>
/// A policy in debug mode answers a preflight refused for its method or headers with 204 and its lists, and the
/// middleware counts and logs that answer as the refusal it is, never as allowed.
/// </summary>
public sealed class DebugModeRequestHandlerTests : IDisposable
{
    private const string Trusted = "https://trusted.example.com";

    private readonly CorsHarness _cors = CorsHarness.With(CorsHarness.Items with { Debug = true });

    public void Dispose() => _cors.Dispose();

    [Theory]
    [InlineData("PATCH", null, CorsRejection.MethodNotAllowed, "PATCH")]
    [InlineData("PUT", "x-auth-token,x-trace-id", CorsRejection.HeaderNotAllowed, "x-trace-id")]
    public void A_refused_method_or_header_is_answered_204_with_the_origin_and_the_lists(string method, string? requestHeaders,
        CorsRejection rejection, string detail)
    {
        var (decision, headers) = Decide(FakeCorsRequest.Preflight("/api/items", Trusted, method, requestHeaders, null));

        Assert.Equal(rejection, decision.Preflight.Rejection);
        Assert.Equal(detail, decision.Preflight.Detail);
        Assert.Equal(HttpStatusCode.NoContent, decision.PreflightStatus);
        Assert.Equal(Trusted, headers[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("true", headers[CorsHeaderNames.AllowCredentials]);
        Assert.Equal("GET, POST, PUT, DELETE", headers[CorsHeaderNames.AllowMethods]);
        Assert.Equal("X-Auth-Token, Content-Type", headers[CorsHeaderNames.AllowHeaders]);
        Assert.False(headers.ContainsKey(CorsHeaderNames.MaxAge));
    }

    [Fact]
    public void A_refused_origin_is_still_answered_403_with_only_Vary()
    {
        var (decision, headers) = Decide(FakeCorsRequest.Preflight("/api/items", "https://evil.example.com", "PATCH", "x-trace-id", null));

        Assert.Equal(CorsRejection.OriginNotAllowed, decision.Preflight.Rejection);
        Assert.Equal(HttpStatusCode.Forbidden, decision.PreflightStatus);
        Assert.Equal(CorsHeaderNames.Vary, Assert.Single(headers).Key);
    }

    [Fact]
    public void A_debug_answer_is_counted_as_rejected_with_its_reason_and_marked_as_a_debug_answer()
    {
        Decide(FakeCorsRequest.Preflight("/api/items", Trusted, "PUT", "x-trace-id", null));
        Decide(FakeCorsRequest.Preflight("/api/items", "https://evil.example.com", "PUT", "x-trace-id", null));
        Decide(FakeCorsRequest.Preflight("/api/items", Trusted, "PUT", "x-auth-token", null));

        Assert.Equal(["rejected/header_not_allowed", "rejected/origin_not_allowed", "allowed/"], _cors.Outcomes("preflight"));
        var points = _cors.Points("preflight");
        Assert.Equal(true, points[0].Tags[CorsAttributes.DebugAnswer]);
        Assert.DoesNotContain(CorsAttributes.DebugAnswer, points[1].Tags.Keys);
        Assert.DoesNotContain(CorsAttributes.DebugAnswer, points[2].Tags.Keys);
    }

    [Fact]
    public void A_debug_answer_is_logged_as_rejected_with_reason_detail_and_policy()
    {
        Decide(FakeCorsRequest.Preflight("/api/items/7", Trusted, "PATCH", null, null));

        var record = _cors.Logger.LatestRecord;
        Assert.Equal(1013, record.Id.Id);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(nameof(CorsRejection.MethodNotAllowed), record.GetStructuredStateValue("Reason"));
        Assert.Equal("PATCH", record.GetStructuredStateValue("Detail"));
        Assert.Equal("items", record.GetStructuredStateValue("PolicyId"));
        Assert.Contains("rejected", record.Message, StringComparison.Ordinal);
        Assert.Contains("debug mode", record.Message, StringComparison.Ordinal);
    }

    private (CorsDecision Decision, Dictionary<string, string> Headers) Decide(ICorsRequest request)
    {
        var decision = _cors.Handler.Decide(request);
        var headers = new HttpHeadersCollection();
        var sink = new HttpHeadersSink(headers);
        Assert.True(_cors.Handler.TryWrite(decision, ref sink, request));
        return (decision, headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value)));
    }
}
