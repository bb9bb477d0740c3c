using System.Net;
using CorsFunctions.Core;
using CorsFunctions.Worker.Middleware;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CorsFunctions.Functions.Tests.Middleware;

/// <summary>The worker glue, run against a FunctionContext the worker's own extension methods accept.</summary>
public sealed class CorsMiddlewareTests : IDisposable
{
    private const string Trusted = "https://trusted.example.com";
    private const string ItemsUrl = "https://app.example.com/api/items/42";

    private readonly CorsHarness _cors = CorsHarness.With(CorsHarness.Items);
    private readonly CorsMiddleware _middleware;
    private int _functionRuns;

    public CorsMiddlewareTests() => _middleware = new CorsMiddleware(_cors.Handler, Options.Create(new WorkerOptions()), NullLogger<CorsMiddleware>.Instance);

    public void Dispose() => _cors.Dispose();

    [Fact]
    public async Task Allowed_preflight_is_answered_204_without_running_the_function_and_every_header_survives()
    {
        var invocation = FakeInvocation.Http(Preflight(Trusted, "PUT", "x-auth-token"));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.OK));

        Assert.Equal(0, _functionRuns);
        var answer = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        var wire = answer.WireHeaders();
        Assert.Equal(Trusted, wire[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("true", wire[CorsHeaderNames.AllowCredentials]);
        Assert.Contains("PUT", wire[CorsHeaderNames.AllowMethods], StringComparison.Ordinal);
        Assert.Contains("X-Auth-Token", wire[CorsHeaderNames.AllowHeaders], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("600", wire[CorsHeaderNames.MaxAge]);
        Assert.Equal("Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network",
            wire[CorsHeaderNames.Vary]);
        Assert.DoesNotContain(wire.Values, value => value.Contains("System.String[]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_preflight_is_answered_403_with_Vary_and_no_allow_header()
    {
        var invocation = FakeInvocation.Http(Preflight("https://evil.example.com", "PUT"));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.OK));

        Assert.Equal(0, _functionRuns);
        var answer = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(CorsHeaderNames.Vary, Assert.Single(answer.WireHeaders()).Key);
        Assert.Equal("", answer.ReadBody());
    }

    [Fact]
    public async Task Preflight_answer_goes_to_the_HTTP_output_binding_when_the_function_has_several_outputs()
    {
        var invocation = FakeInvocation.HttpWithSeveralOutputs(Preflight(Trusted, "GET"), "HttpResponse");

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.OK));

        var answer = Assert.IsType<FakeHttpResponseData>(invocation.OutputBindingData["HttpResponse"]);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(Trusted, answer.WireHeaders()[CorsHeaderNames.AllowOrigin]);
        Assert.Null(invocation.InvocationResult);
    }

    [Fact]
    public async Task Actual_request_runs_the_function_and_keeps_its_status_body_and_headers_while_adding_CORS_headers()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("PUT", ItemsUrl, [new(CorsHeaderNames.Origin, Trusted)]));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.Created, "{\"id\":\"42\"}",
            ("ETag", "\"v7\""), ("Vary", "Accept-Encoding"), ("Location", "/api/items/42")));

        Assert.Equal(1, _functionRuns);
        var response = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("{\"id\":\"42\"}", response.ReadBody());
        var wire = response.WireHeaders();
        Assert.Equal("\"v7\"", wire["ETag"]);
        Assert.Equal("/api/items/42", wire["Location"]);
        Assert.Equal("Accept-Encoding,Origin", wire[CorsHeaderNames.Vary]);
        Assert.Equal(Trusted, wire[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("true", wire[CorsHeaderNames.AllowCredentials]);
        Assert.Equal("ETag", wire[CorsHeaderNames.ExposeHeaders]);
    }

    [Fact]
    public async Task Actual_request_from_a_refused_origin_gets_only_Vary_Origin_on_the_functions_response()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("GET", ItemsUrl, [new(CorsHeaderNames.Origin, "https://evil.example.com")]));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.OK, "[]", ("Content-Type", "application/json")));

        var response = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", response.ReadBody());
        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Vary"] = "Origin" },
            response.WireHeaders());
    }

    [Fact]
    public async Task Actual_request_stamps_the_HTTP_output_binding_of_a_function_with_several_outputs()
    {
        var invocation = FakeInvocation.HttpWithSeveralOutputs(
            new FakeHttpRequestData("GET", ItemsUrl, [new(CorsHeaderNames.Origin, Trusted)]), "HttpResponse");

        await _middleware.Invoke(invocation.Context, context =>
        {
            _functionRuns++;
            invocation.OutputBindingData["HttpResponse"] = new FakeHttpResponseData(context) { StatusCode = HttpStatusCode.Accepted };
            return Task.CompletedTask;
        });

        var response = Assert.IsType<FakeHttpResponseData>(invocation.OutputBindingData["HttpResponse"]);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(Trusted, response.WireHeaders()[CorsHeaderNames.AllowOrigin]);
    }

    [Fact]
    public async Task Request_without_Origin_runs_the_function_and_only_Vary_Origin_is_appended_to_its_response()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("GET", ItemsUrl, []));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.OK, "[]", ("Vary", "Accept-Encoding"), ("X-Trace", "a, b")));

        Assert.Equal(1, _functionRuns);
        var response = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", response.ReadBody());
        Assert.Equal(new Dictionary<string, string> { ["Vary"] = "Accept-Encoding,Origin", ["X-Trace"] = "a, b" }, response.WireHeaders());
    }

    [Fact]
    public async Task Request_without_Origin_on_a_route_no_policy_governs_runs_the_function_and_its_response_is_untouched()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("GET", "https://app.example.com/api/orders", []));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.NoContent, "", ("Allow", "GET"), ("X-Trace", "a, b")));

        Assert.Equal(1, _functionRuns);
        var response = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(new Dictionary<string, string> { ["Allow"] = "GET", ["X-Trace"] = "a, b" }, response.WireHeaders());
    }

    [Fact]
    public async Task Plain_OPTIONS_with_an_allowed_Origin_runs_the_function_and_its_response_is_stamped()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("OPTIONS", ItemsUrl, [new(CorsHeaderNames.Origin, Trusted)]));

        await _middleware.Invoke(invocation.Context, Function(invocation, HttpStatusCode.NoContent, "", ("Allow", "GET")));

        Assert.Equal(1, _functionRuns);
        var response = Assert.IsType<FakeHttpResponseData>(invocation.InvocationResult);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var wire = response.WireHeaders();
        Assert.Equal("GET", wire["Allow"]);
        Assert.Equal(Trusted, wire[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("Origin", wire[CorsHeaderNames.Vary]);
    }

    [Fact]
    public async Task Actual_request_whose_function_returns_no_HTTP_response_is_reported_not_stamped_never_allowed()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("GET", ItemsUrl, [new(CorsHeaderNames.Origin, Trusted)]));

        await _middleware.Invoke(invocation.Context, _ =>
        {
            _functionRuns++;
            return Task.CompletedTask;
        });

        Assert.Equal(1, _functionRuns);
        var measurement = Assert.Single(_cors.Points("actual"));
        Assert.Equal("not_stamped/no_response", $"{measurement.Tags["cors.outcome"]}/{measurement.Tags["cors.rejection.reason"]}");
    }

    [Fact]
    public async Task Non_HTTP_trigger_runs_the_function_and_is_ignored()
    {
        var invocation = FakeInvocation.NotHttp();

        await _middleware.Invoke(invocation.Context, _ =>
        {
            _functionRuns++;
            return Task.CompletedTask;
        });

        Assert.Equal(1, _functionRuns);
        Assert.Null(invocation.InvocationResult);
        Assert.Empty(_cors.Logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task An_exception_of_the_function_itself_is_not_swallowed_and_nothing_is_stamped_counted_or_logged()
    {
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("GET", ItemsUrl, [new(CorsHeaderNames.Origin, Trusted)]));

        await Assert.ThrowsAsync<TimeoutException>(() => _middleware.Invoke(invocation.Context, _ => throw new TimeoutException()));

        Assert.Null(invocation.InvocationResult);
        Assert.Empty(_cors.Decisions.GetMeasurementSnapshot());
        Assert.Empty(_cors.Logger.Collector.GetSnapshot());
    }

    private static FakeHttpRequestData Preflight(string origin, string method, string? requestHeaders = null)
    {
        var headers = new List<KeyValuePair<string, string>> { new(CorsHeaderNames.Origin, origin), new(CorsHeaderNames.RequestMethod, method) };
        if (requestHeaders is not null)
        {
            headers.Add(new(CorsHeaderNames.RequestHeaders, requestHeaders));
        }

        return new FakeHttpRequestData("OPTIONS", ItemsUrl, headers);
    }

    private FunctionExecutionDelegate Function(FakeInvocation invocation, HttpStatusCode status, string body = "",
        params (string Name, string Value)[] headers) => async context =>
    {
        _functionRuns++;
        var response = new FakeHttpResponseData(context) { StatusCode = status };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        await response.WriteStringAsync(body);
        invocation.Return(response);
    };
}
