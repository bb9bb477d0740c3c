using System.Net;
using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using Moq;

namespace CorsFunctions.Functions.Tests.Middleware;

public sealed class CorsRequestHandlerTests : IDisposable
{
    private const string Trusted = "https://trusted.example.com";
    private const string PreflightVary =
        "Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network";

    private readonly CorsHarness _cors = CorsHarness.With(CorsHarness.Items, new()
    {
        Id = "dev",
        Routes = ["/api/dev/**"],
        AllowedOrigins = ["http://localhost:5173"],
        AllowedMethods = ["PATCH"],
        AllowPrivateNetwork = true,
    });

    public void Dispose() => _cors.Dispose();

    [Fact]
    public void Preflight_from_an_allowed_origin_is_answered_204_with_every_allow_header_and_Vary()
    {
        var (decision, headers) = Decide(Preflight("/api/items/42", Trusted, "PUT", "x-auth-token,content-type"));

        Assert.Equal(CorsAction.AnswerPreflight, decision.Action);
        Assert.Equal(HttpStatusCode.NoContent, decision.PreflightStatus);
        Assert.Equal(Trusted, headers[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("true", headers[CorsHeaderNames.AllowCredentials]);
        Assert.Contains("PUT", headers[CorsHeaderNames.AllowMethods], StringComparison.Ordinal);
        Assert.Contains("X-Auth-Token", headers[CorsHeaderNames.AllowHeaders], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("600", headers[CorsHeaderNames.MaxAge]);
        Assert.Equal(PreflightVary, headers[CorsHeaderNames.Vary]);
        Assert.False(headers.ContainsKey(CorsHeaderNames.ExposeHeaders)); // ACEH belongs on actual responses only.
    }

    [Theory]
    [InlineData("https://evil.example.com", "PUT", null, null, CorsRejection.OriginNotAllowed)]
    [InlineData(Trusted, "PATCH", null, null, CorsRejection.MethodNotAllowed)]
    [InlineData(Trusted, "PUT", "x-auth-token,x-secret", null, CorsRejection.HeaderNotAllowed)]
    [InlineData(Trusted, "PUT", null, "true", CorsRejection.PrivateNetworkNotAllowed)]
    [InlineData("https://trusted.example.com/", "PUT", null, null, CorsRejection.MalformedRequest)]
    [InlineData(Trusted, "PUT", "x-auth-token,bad header", null, CorsRejection.MalformedRequest)]
    public void Refused_preflight_is_answered_403_with_Vary_and_no_allow_header(string origin, string method, string? headers,
        string? privateNetwork, CorsRejection expected)
    {
        var (decision, written) = Decide(Preflight("/api/items", origin, method, headers, privateNetwork));

        Assert.Equal(CorsAction.AnswerPreflight, decision.Action);
        Assert.Equal(expected, decision.Preflight.Rejection);
        Assert.Equal(HttpStatusCode.Forbidden, decision.PreflightStatus);
        Assert.Equal(PreflightVary, Assert.Single(written).Value);
    }

    [Fact]
    public void Preflight_asking_for_private_network_access_is_allowed_where_the_policy_grants_it()
    {
        var (decision, headers) = Decide(Preflight("/api/dev/tools/1", "http://localhost:5173", "PATCH", privateNetwork: "true"));

        Assert.True(decision.Preflight.IsAllowed);
        Assert.Equal("true", headers[CorsHeaderNames.AllowPrivateNetwork]);
        Assert.Equal("http://localhost:5173", headers[CorsHeaderNames.AllowOrigin]);
    }

    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/items/42")] // the policy's routes include the route prefix: the path is matched as received
    public void Preflight_on_a_path_no_policy_governs_is_rejected_with_NoPolicy(string path)
    {
        var (decision, headers) = Decide(Preflight(path, Trusted, "PUT"));

        Assert.Equal(CorsRejection.NoPolicy, decision.Preflight.Rejection);
        Assert.Equal(HttpStatusCode.Forbidden, decision.PreflightStatus);
        Assert.DoesNotContain(headers.Keys, name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Preflight_on_the_route_of_an_invalid_policy_is_rejected_and_names_the_policy()
    {
        using var cors = CorsHarness.With(CorsHarness.Items with { AllowedOrigins = ["*"] }); // '*' with credentials is invalid

        var (decision, _) = Decide(cors, Preflight("/api/items", Trusted, "PUT"));

        Assert.Equal(CorsRejection.InvalidPolicy, decision.Preflight.Rejection);
        var entry = Assert.Single(cors.Logger.Collector.GetSnapshot());
        Assert.Contains("items", entry.Message, StringComparison.Ordinal);
        Assert.Contains("invalid", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preflight_before_the_policies_are_loaded_is_rejected_and_says_so()
    {
        using var cors = new CorsHarness(new FixedSnapshotSource(PolicySnapshot.NotLoaded));

        var (decision, _) = Decide(cors, Preflight("/api/items", Trusted, "GET"));

        Assert.Equal(CorsRejection.NoPolicy, decision.Preflight.Rejection);
        Assert.Contains("not been read", cors.Logger.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preflight_is_recognised_whatever_the_case_of_OPTIONS()
    {
        var (decision, _) = Decide(new FakeCorsRequest("options", "/api/items",
            (CorsHeaderNames.Origin, Trusted), (CorsHeaderNames.RequestMethod, "GET")));

        Assert.Equal(CorsAction.AnswerPreflight, decision.Action);
        Assert.True(decision.Preflight.IsAllowed);
    }

    [Fact]
    public void Actual_request_from_an_allowed_origin_gets_ACAO_ACAC_ACEH_and_Vary_Origin()
    {
        var (decision, headers) = Decide(new FakeCorsRequest("GET", "/api/items/42", (CorsHeaderNames.Origin, Trusted)));

        Assert.Equal(CorsAction.StampResponse, decision.Action);
        Assert.Equal(Trusted, headers[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("true", headers[CorsHeaderNames.AllowCredentials]);
        Assert.Equal("ETag", headers[CorsHeaderNames.ExposeHeaders]);
        Assert.Equal("Origin", headers[CorsHeaderNames.Vary]);
        Assert.False(headers.ContainsKey(CorsHeaderNames.AllowMethods)); // preflight-only headers stay off actual responses
    }

    [Theory]
    [InlineData("/api/items", "https://evil.example.com", CorsRejection.OriginNotAllowed)]
    [InlineData("/api/orders", Trusted, CorsRejection.NoPolicy)]
    [InlineData("/api/items", "null", CorsRejection.OriginNotAllowed)]
    public void Actual_request_that_is_refused_gets_only_Vary_Origin(string path, string origin, CorsRejection expected)
    {
        var (decision, headers) = Decide(new FakeCorsRequest("POST", path, (CorsHeaderNames.Origin, origin)));

        Assert.Equal(CorsAction.StampResponse, decision.Action);
        Assert.Equal(expected, decision.ActualRequest.Rejection);
        Assert.Equal(new Dictionary<string, string> { [CorsHeaderNames.Vary] = "Origin" }, headers);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("OPTIONS")]
    public void Rule19_a_response_to_a_request_without_Origin_varies_on_Origin_where_a_policy_governs_the_route(string method)
    {
        var (decision, headers) = Decide(new FakeCorsRequest(method, "/api/items", (CorsHeaderNames.RequestMethod, "PUT")));

        Assert.Equal(CorsAction.VaryOnOrigin, decision.Action);
        Assert.Equal(new Dictionary<string, string> { [CorsHeaderNames.Vary] = "Origin" }, headers);
        Assert.Empty(_cors.Decisions.GetMeasurementSnapshot()); // not a CORS request: neither counted nor logged
        Assert.Empty(_cors.Logger.Collector.GetSnapshot());
    }

    [Fact]
    public void Rule19_a_star_policy_grants_nothing_to_a_request_without_Origin_and_varies_on_Origin()
    {
        using var cors = CorsHarness.With(CorsHarness.Items with
        {
            Id = "open",
            Routes = ["/**"],
            AllowedOrigins = ["*"],
            AllowCredentials = false,
        });
        var request = new FakeCorsRequest("GET", "/api/open");

        var decision = cors.Handler.Decide(request);
        var headers = new HttpHeadersCollection();
        var sink = new HttpHeadersSink(headers);
        Assert.True(cors.Handler.TryWrite(decision, ref sink, request));

        Assert.Equal(CorsAction.VaryOnOrigin, decision.Action);
        Assert.Equal("Origin", Assert.Single(headers, h => h.Key == CorsHeaderNames.Vary).Value.Single());
        Assert.False(headers.Contains(CorsHeaderNames.AllowOrigin));
    }

    [Theory]
    [InlineData("/api/orders")] // no policy
    [InlineData("/api/broken")] // an invalid policy refuses every origin
    public void Request_without_Origin_on_a_route_where_no_origin_can_be_allowed_passes_through_untouched(string path)
    {
        using var cors = CorsHarness.With(CorsHarness.Items with { Id = "broken", Routes = ["/api/broken"], AllowedOrigins = ["https://a.example.com/"] });

        var decision = cors.Handler.Decide(new FakeCorsRequest("GET", path));

        Assert.Equal(CorsAction.PassThrough, decision.Action);
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("options")]
    public void Rule01_plain_OPTIONS_with_Origin_is_an_actual_request_and_is_stamped_when_the_origin_is_allowed(string method)
    {
        var (decision, headers) = Decide(new FakeCorsRequest(method, "/api/items", (CorsHeaderNames.Origin, Trusted)));

        Assert.Equal(CorsAction.StampResponse, decision.Action);
        Assert.Equal(Trusted, headers[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("true", headers[CorsHeaderNames.AllowCredentials]);
        Assert.Equal("Origin", headers[CorsHeaderNames.Vary]);
        Assert.False(headers.ContainsKey(CorsHeaderNames.AllowMethods)); // an actual response, not a preflight answer
        Assert.Equal(["allowed/"], _cors.Outcomes("actual"));
    }

    [Fact]
    public void Rule01_plain_OPTIONS_from_a_refused_origin_gets_only_Vary_Origin()
    {
        var (decision, headers) = Decide(new FakeCorsRequest("OPTIONS", "/api/items", (CorsHeaderNames.Origin, "https://evil.example.com")));

        Assert.Equal(CorsAction.StampResponse, decision.Action);
        Assert.Equal(new Dictionary<string, string> { [CorsHeaderNames.Vary] = "Origin" }, headers);
    }

    [Fact]
    public void Preflight_fails_closed_with_403_and_an_error_log_when_the_policies_cannot_be_read()
    {
        using var cors = new CorsHarness(Throwing());

        var decision = cors.Handler.Decide(Preflight("/api/items", Trusted, "GET"));

        Assert.Equal(CorsAction.AnswerPreflight, decision.Action);
        Assert.Equal(HttpStatusCode.Forbidden, decision.PreflightStatus);
        Assert.Equal(LogLevel.Error, cors.Logger.LatestRecord.Level);
        Assert.IsType<InvalidOperationException>(cors.Logger.LatestRecord.Exception);
        Assert.Equal(["rejected/evaluation_error"], cors.Outcomes("preflight"));
    }

    [Fact]
    public void Actual_request_is_left_without_CORS_headers_and_logged_when_the_policies_cannot_be_read()
    {
        using var cors = new CorsHarness(Throwing());

        var decision = cors.Handler.Decide(new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted)));

        Assert.Equal(CorsAction.PassThrough, decision.Action);
        Assert.Equal(LogLevel.Error, cors.Logger.LatestRecord.Level);
        Assert.Equal(["rejected/evaluation_error"], cors.Outcomes("actual"));
    }

    [Fact]
    public void OPTIONS_without_Origin_is_not_refused_when_the_policies_cannot_be_read()
    {
        using var cors = new CorsHarness(Throwing());

        var decision = cors.Handler.Decide(new FakeCorsRequest("OPTIONS", "/api/items"));

        Assert.Equal(CorsAction.PassThrough, decision.Action);
        Assert.Equal(LogLevel.Error, cors.Logger.LatestRecord.Level);
    }

    [Fact]
    public void OPTIONS_whose_headers_cannot_be_read_is_refused_with_403()
    {
        var request = new Mock<ICorsRequest>();
        request.Setup(r => r.Method).Returns("OPTIONS");
        request.Setup(r => r.Path).Returns("/api/items");
        request.Setup(r => r.GetHeader(It.IsAny<string>())).Throws<FormatException>();

        var decision = _cors.Handler.Decide(request.Object);

        Assert.Equal(HttpStatusCode.Forbidden, decision.PreflightStatus);
        Assert.Equal(CorsAction.AnswerPreflight, decision.Action);
    }

    [Fact]
    public void Preflights_are_counted_by_outcome_and_reason()
    {
        Decide(Preflight("/api/items", Trusted, "GET"));
        Decide(Preflight("/api/items", "https://evil.example.com", "GET"));
        Decide(Preflight("/api/orders", Trusted, "GET"));

        Assert.Equal(["allowed/", "rejected/origin_not_allowed", "rejected/no_policy"], _cors.Outcomes("preflight"));
        Assert.Empty(_cors.Outcomes("actual"));
        Assert.All(_cors.Decisions.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public void Actual_requests_are_counted_by_outcome_and_reason()
    {
        Decide(new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted)));
        Decide(new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, "https://evil.example.com")));

        Assert.Equal(["allowed/", "rejected/origin_not_allowed"], _cors.Outcomes("actual"));
    }

    [Fact]
    public void Nothing_is_counted_or_logged_before_the_headers_are_written()
    {
        _cors.Handler.Decide(Preflight("/api/items", Trusted, "GET"));
        _cors.Handler.Decide(new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted)));

        Assert.Empty(_cors.Points("preflight"));
        Assert.Empty(_cors.Points("actual"));
        Assert.Empty(_cors.Logger.Collector.GetSnapshot());
    }

    [Theory]
    [InlineData(CorsHeaderNames.Vary)]
    [InlineData(CorsHeaderNames.AllowMethods)]
    [InlineData(CorsHeaderNames.MaxAge)]
    public void Allowed_preflight_whose_headers_cannot_be_written_is_counted_and_logged_as_refused_and_its_grant_taken_back(string failingHeader)
    {
        var request = Preflight("/api/items", Trusted, "PUT", "x-auth-token");
        var decision = _cors.Handler.Decide(request);
        var sink = new FailingSink(failingHeader);

        Assert.False(_cors.Handler.TryWrite(decision, ref sink, request));

        Assert.DoesNotContain(sink.Headers.Keys, name => name.StartsWith("Access-Control-", StringComparison.Ordinal));
        var measurement = Assert.Single(_cors.Points("preflight"));
        Assert.Equal("rejected", measurement.Tags["cors.outcome"]);
        Assert.Equal("evaluation_error", measurement.Tags["cors.rejection.reason"]);
        var record = Assert.Single(_cors.Logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Equal(1008, record.Id.Id);
    }

    [Theory]
    [InlineData(CorsHeaderNames.AllowCredentials)]
    [InlineData(CorsHeaderNames.ExposeHeaders)]
    public void Allowed_actual_request_whose_headers_cannot_be_written_is_counted_not_stamped_never_allowed(string failingHeader)
    {
        var request = new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted));
        var decision = _cors.Handler.Decide(request);
        var sink = new FailingSink(failingHeader);

        Assert.False(_cors.Handler.TryWrite(decision, ref sink, request));

        Assert.False(sink.Headers.ContainsKey(CorsHeaderNames.AllowOrigin)); // written before the failure, then taken back
        var measurement = Assert.Single(_cors.Points("actual"));
        Assert.Equal("not_stamped", measurement.Tags["cors.outcome"]);
        Assert.Equal("write_failed", measurement.Tags["cors.rejection.reason"]);
        Assert.Equal(LogLevel.Error, _cors.Logger.LatestRecord.Level);
        Assert.Equal(1009, _cors.Logger.LatestRecord.Id.Id);
    }

    [Theory]
    [InlineData(nameof(UnstampedReason.NoResponse))]
    [InlineData(nameof(UnstampedReason.ResponseStarted))]
    public void Allowed_actual_request_whose_response_cannot_be_reached_is_counted_and_logged_not_stamped(string reasonName)
    {
        var reason = Enum.Parse<UnstampedReason>(reasonName);
        var request = new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted));

        _cors.Handler.NotStamped(_cors.Handler.Decide(request), request, reason);

        var measurement = Assert.Single(_cors.Points("actual"));
        Assert.Equal("not_stamped", measurement.Tags["cors.outcome"]);
        Assert.Equal(CorsAttributes.Reason(reason), measurement.Tags["cors.rejection.reason"]);
        var record = _cors.Logger.LatestRecord;
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(reason.ToString(), record.GetStructuredStateValue("Reason"));
        Assert.Equal("items", record.GetStructuredStateValue("PolicyId"));
    }

    [Fact]
    public void A_preflight_refused_because_the_logic_failed_is_counted_once_when_written()
    {
        using var cors = new CorsHarness(Throwing());
        var request = Preflight("/api/items", Trusted, "GET");

        Decide(cors, request);

        var measurement = Assert.Single(cors.Points("preflight"));
        Assert.Equal("evaluation_error", measurement.Tags["cors.rejection.reason"]);
    }

    [Fact]
    public void Rejected_preflight_is_logged_with_policy_id_reason_and_detail()
    {
        Decide(Preflight("/api/items/7", Trusted, "PUT", "x-auth-token,x-secret"));

        var record = _cors.Logger.LatestRecord;
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal("items", record.GetStructuredStateValue("PolicyId"));
        Assert.Equal(nameof(CorsRejection.HeaderNotAllowed), record.GetStructuredStateValue("Reason"));
        Assert.Equal("x-secret", record.GetStructuredStateValue("Detail"));
        Assert.Equal("/api/items/7", record.GetStructuredStateValue("Path"));
    }

    [Fact]
    public void A_hostile_origin_reaches_the_log_bounded_and_printable()
    {
        var hostile = "https://evil.example.com\r\nFAKE LOG LINE " + new string('x', 5000);

        Decide(Preflight("/api/items", hostile, "GET"));

        var logged = _cors.Logger.LatestRecord.GetStructuredStateValue("Origin")!;
        Assert.True(logged.Length <= 131, $"logged {logged.Length} characters");
        Assert.DoesNotContain('\r', logged);
        Assert.DoesNotContain('\n', logged);
        Assert.StartsWith("https://evil.example.com??FAKE LOG LINE", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_key_carrying_a_bidi_override_reaches_the_request_log_neutralized()
    {
        // An invalid id still holds its readable routes (fail closed), so the refusal names it.
        using var cors = CorsHarness.With(TestPolicies.FromRow("items\u202Egnp.exe", "/api/items"));

        var (decision, _) = Decide(cors, Preflight("/api/items", Trusted, "PUT"));

        Assert.Equal(CorsRejection.InvalidPolicy, decision.Preflight.Rejection);
        var record = cors.Logger.LatestRecord;
        Assert.Equal("items?gnp.exe", record.GetStructuredStateValue("PolicyId"));
        Assert.DoesNotContain('\u202E', record.Message);
    }

    [Fact]
    public void The_decision_reads_the_snapshot_in_force_at_each_request()
    {
        var source = new Mock<IPolicySnapshotSource>();
        source.SetupSequence(s => s.Current)
            .Returns(PolicySnapshot.NotLoaded)
            .Returns(FixedSnapshotSource.Of(CorsHarness.Items).Current);
        using var cors = new CorsHarness(source.Object);

        Assert.False(cors.Handler.Decide(Preflight("/api/items", Trusted, "GET")).Preflight.IsAllowed);
        Assert.True(cors.Handler.Decide(Preflight("/api/items", Trusted, "GET")).Preflight.IsAllowed);
    }

    [Fact]
    public void An_allowed_preflight_is_logged_with_the_method_it_asks_for_and_its_origin()
    {
        Decide(Preflight("/api/items/7", Trusted, "PUT"));

        var record = _cors.Logger.LatestRecord;
        Assert.Equal(1001, record.Id.Id);
        Assert.Equal("Preflight allowed: PUT /api/items/7 from https://trusted.example.com by policy items", record.Message);
    }

    [Fact]
    public void A_stamped_actual_request_is_logged_with_its_origin()
    {
        Decide(new FakeCorsRequest("GET", "/api/items", (CorsHeaderNames.Origin, Trusted)));

        var record = _cors.Logger.LatestRecord;
        Assert.Equal(1003, record.Id.Id);
        Assert.Equal("Actual request allowed: /api/items from https://trusted.example.com by policy items", record.Message);
    }

    [Fact]
    public void A_preflight_that_could_not_be_answered_is_counted_refused_and_logged()
    {
        var request = Preflight("/api/items", Trusted, "GET");

        _cors.Handler.NotStamped(_cors.Handler.Decide(request), request, UnstampedReason.ResponseStarted);

        var measurement = Assert.Single(_cors.Points("preflight"));
        Assert.Equal("rejected", measurement.Tags["cors.outcome"]);
        Assert.Equal("items", measurement.Tags["cors.policy.id"]);
        Assert.Equal(nameof(UnstampedReason.ResponseStarted), _cors.Logger.LatestRecord.GetStructuredStateValue("Reason"));
    }

    [Fact]
    public void Every_entry_point_requires_the_request()
    {
        var decision = _cors.Handler.Decide(Preflight("/api/items", Trusted, "GET"));
        var sink = new HttpHeadersSink(new HttpHeadersCollection());

        Assert.Throws<ArgumentNullException>(() => _cors.Handler.Decide(null!));
        Assert.Throws<ArgumentNullException>(() => _cors.Handler.TryWrite(decision, ref sink, null!));
        Assert.Throws<ArgumentNullException>(() => _cors.Handler.NotStamped(decision, null!, UnstampedReason.NoResponse));
    }

    private static FakeCorsRequest Preflight(string path, string origin, string method, string? headers = null, string? privateNetwork = null) =>
        FakeCorsRequest.Preflight(path, origin, method, headers, privateNetwork);

    private static IPolicySnapshotSource Throwing()
    {
        var source = new Mock<IPolicySnapshotSource>();
        source.Setup(s => s.Current).Throws(new InvalidOperationException("store exploded"));
        return source.Object;
    }

    private (CorsDecision Decision, Dictionary<string, string> Headers) Decide(ICorsRequest request) => Decide(_cors, request);

    private static (CorsDecision Decision, Dictionary<string, string> Headers) Decide(CorsHarness cors, ICorsRequest request)
    {
        var decision = cors.Handler.Decide(request);
        var headers = new HttpHeadersCollection();
        var sink = new HttpHeadersSink(headers);
        Assert.True(cors.Handler.TryWrite(decision, ref sink, request));
        return (decision, headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value))); // joined as the worker sends them
    }

    /// <summary>A response whose header <c>failOn</c> cannot be written (as when the response has started).</summary>
    private readonly struct FailingSink(string failOn) : IResponseHeaderSink
    {
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void SetHeader(string name, string value)
        {
            if (string.Equals(name, failOn, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Headers are read-only, response has already started.");
            }

            Headers[name] = value;
        }

        public void AppendVary(string value) => SetHeader(CorsHeaderNames.Vary, value);

        public void Remove(string name) => Headers.Remove(name);
    }
}
