using System.Net;
using CorsFunctions.Core;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Middleware;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace CorsFunctions.Functions.Tests.Middleware;

/// <summary>
/// The ASP.NET Core integration model, through <see cref="CorsMiddleware"/> (which must detect it from the invocation):
/// the answer lives on the <see cref="HttpContext"/> and is sent when the response starts, possibly after the middleware
/// returned (an IActionResult is executed by the worker's proxying middleware around ours).
/// </summary>
public sealed class AspNetCoreCorsAdapterTests : IDisposable
{
    private const string Trusted = "https://trusted.example.com";
    private const string ItemsPath = "/api/items/42";
    private const string PreflightVary =
        "Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network";

    private readonly CorsHarness _cors = CorsHarness.With(CorsHarness.Items);
    private readonly CorsMiddleware _middleware;
    private int _functionRuns;

    public AspNetCoreCorsAdapterTests() => _middleware = new CorsMiddleware(_cors.Handler, Options.Create(new WorkerOptions()), NullLogger<CorsMiddleware>.Instance);

    public void Dispose() => _cors.Dispose();

    [Fact]
    public async Task Allowed_preflight_is_answered_204_with_exactly_the_CORS_headers_and_the_function_never_runs()
    {
        var (context, response, invocation) = Invocation("OPTIONS",
            (CorsHeaderNames.Origin, Trusted), (CorsHeaderNames.RequestMethod, "PUT"), (CorsHeaderNames.RequestHeaders, "x-auth-token"));

        await _middleware.Invoke(invocation.Context, Function());
        await response.StartAsync();

        Assert.Equal(0, _functionRuns);
        Assert.Equal(StatusCodes.Status204NoContent, context.Response.StatusCode);
        Assert.Equal(new Dictionary<string, string>
        {
            [CorsHeaderNames.AllowOrigin] = Trusted,
            [CorsHeaderNames.AllowCredentials] = "true",
            [CorsHeaderNames.AllowMethods] = "GET, POST, PUT, DELETE",
            [CorsHeaderNames.AllowHeaders] = "X-Auth-Token, Content-Type",
            [CorsHeaderNames.MaxAge] = "600",
            [CorsHeaderNames.Vary] = PreflightVary,
        }, response.WireHeaders());

        // The proxying middleware takes a response over this HttpContext as the answer (else: "no HTTP response").
        Assert.NotNull(invocation.InvocationResult);
        Assert.Equal("allowed", Assert.Single(_cors.Points("preflight")).Tags["cors.outcome"]);
    }

    [Fact]
    public async Task Refused_preflight_is_answered_403_with_only_Vary()
    {
        var (context, response, invocation) = Invocation("OPTIONS",
            (CorsHeaderNames.Origin, "https://evil.example.com"), (CorsHeaderNames.RequestMethod, "PUT"));

        await _middleware.Invoke(invocation.Context, Function());
        await response.StartAsync();

        Assert.Equal(0, _functionRuns);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.Equal(new Dictionary<string, string> { [CorsHeaderNames.Vary] = PreflightVary }, response.WireHeaders());
    }

    [Fact]
    public async Task Preflight_whose_headers_cannot_be_written_goes_out_as_a_bare_403_counted_as_refused()
    {
        var (context, response, invocation) = Invocation("OPTIONS",
            (CorsHeaderNames.Origin, Trusted), (CorsHeaderNames.RequestMethod, "PUT"));
        response.FailOnHeader = CorsHeaderNames.AllowMethods; // after Vary and Access-Control-Allow-Origin were written

        await _middleware.Invoke(invocation.Context, Function());
        await response.StartAsync();

        Assert.Equal(0, _functionRuns);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.Empty(response.WireHeaders());
        var measurement = Assert.Single(_cors.Points("preflight"));
        Assert.Equal("rejected/evaluation_error", $"{measurement.Tags["cors.outcome"]}/{measurement.Tags["cors.rejection.reason"]}");
    }

    [Fact]
    public async Task Response_the_function_wrote_to_HttpResponse_is_stamped_when_it_starts_and_only_then_counted()
    {
        var (context, response, invocation) = Invocation("PUT", (CorsHeaderNames.Origin, Trusted));

        await _middleware.Invoke(invocation.Context, Function(http =>
        {
            http.Response.StatusCode = StatusCodes.Status201Created;
            http.Response.Headers.ETag = "\"v7\"";
            http.Response.Headers.Vary = "Accept-Encoding";
        }));

        Assert.Equal(1, _functionRuns);
        Assert.Empty(_cors.Points("actual")); // nothing is on the wire yet
        await response.StartAsync();

        Assert.Equal(StatusCodes.Status201Created, context.Response.StatusCode);
        Assert.Equal(new Dictionary<string, string>
        {
            ["ETag"] = "\"v7\"",
            [CorsHeaderNames.Vary] = "Accept-Encoding,Origin",
            [CorsHeaderNames.AllowOrigin] = Trusted,
            [CorsHeaderNames.AllowCredentials] = "true",
            [CorsHeaderNames.ExposeHeaders] = "ETag",
        }, response.WireHeaders());
        Assert.Equal("allowed", Assert.Single(_cors.Points("actual")).Tags["cors.outcome"]);
    }

    [Fact]
    public async Task A_result_executed_after_the_middleware_returned_is_stamped()
    {
        var (context, response, invocation) = Invocation("GET", (CorsHeaderNames.Origin, Trusted));
        context.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

        await _middleware.Invoke(invocation.Context, Function());

        // What the worker's proxying middleware does with a returned IResult / IActionResult, after ours.
        await Results.Text("[]", "application/json", statusCode: StatusCodes.Status202Accepted).ExecuteAsync(context);
        await response.StartAsync();

        Assert.Equal(StatusCodes.Status202Accepted, context.Response.StatusCode);
        var wire = response.WireHeaders();
        Assert.Equal(Trusted, wire[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("Origin", wire[CorsHeaderNames.Vary]);
        Assert.StartsWith("application/json", wire["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_the_function_starts_itself_is_stamped_before_its_headers_go_out()
    {
        var (_, response, invocation) = Invocation("GET", (CorsHeaderNames.Origin, Trusted));

        await _middleware.Invoke(invocation.Context, async _ =>
        {
            _functionRuns++;
            await response.StartAsync(); // e.g. a streamed body flushed by the function
        });

        Assert.True(response.HasStarted);
        Assert.Equal(Trusted, response.WireHeaders()[CorsHeaderNames.AllowOrigin]);
    }

    [Fact]
    public async Task Response_already_started_before_the_middleware_is_reported_not_stamped_never_allowed()
    {
        var (_, response, invocation) = Invocation("GET", (CorsHeaderNames.Origin, Trusted));
        await response.StartAsync();

        await _middleware.Invoke(invocation.Context, Function());

        Assert.Equal(1, _functionRuns);
        Assert.Empty(response.WireHeaders());
        var measurement = Assert.Single(_cors.Points("actual"));
        Assert.Equal("not_stamped/response_started", $"{measurement.Tags["cors.outcome"]}/{measurement.Tags["cors.rejection.reason"]}");
        Assert.Equal(1007, _cors.Logger.LatestRecord.Id.Id);
    }

    [Fact]
    public async Task Response_whose_headers_cannot_be_written_keeps_no_grant_and_is_reported_not_stamped()
    {
        var (_, response, invocation) = Invocation("GET", (CorsHeaderNames.Origin, Trusted));
        response.FailOnHeader = CorsHeaderNames.ExposeHeaders;

        await _middleware.Invoke(invocation.Context, Function());
        await response.StartAsync();

        Assert.Equal(new Dictionary<string, string> { [CorsHeaderNames.Vary] = "Origin" }, response.WireHeaders());
        var measurement = Assert.Single(_cors.Points("actual"));
        Assert.Equal("not_stamped/write_failed", $"{measurement.Tags["cors.outcome"]}/{measurement.Tags["cors.rejection.reason"]}");
    }

    [Fact]
    public async Task Actual_request_from_a_refused_origin_gets_only_Vary_Origin()
    {
        var (_, response, invocation) = Invocation("GET", (CorsHeaderNames.Origin, "https://evil.example.com"));

        await _middleware.Invoke(invocation.Context, Function(http => http.Response.Headers.ContentType = "application/json"));
        await response.StartAsync();

        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "application/json", [CorsHeaderNames.Vary] = "Origin" },
            response.WireHeaders());
        Assert.Equal("rejected", Assert.Single(_cors.Points("actual")).Tags["cors.outcome"]);
    }

    [Fact]
    public async Task Request_without_Origin_gets_only_Vary_Origin_and_is_not_counted()
    {
        var (_, response, invocation) = Invocation("GET");

        await _middleware.Invoke(invocation.Context, Function(http => http.Response.Headers.Vary = "*"));
        await response.StartAsync();

        Assert.Equal(new Dictionary<string, string> { [CorsHeaderNames.Vary] = "*" }, response.WireHeaders()); // '*' covers Origin
        Assert.Empty(_cors.Points("actual"));
    }

    [Fact]
    public async Task Middleware_registered_before_the_integration_touches_nothing_and_says_how_to_fix_it()
    {
        var options = new WorkerOptions();
        options.Capabilities["HttpUri"] = "http://localhost:5555/";
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<CorsMiddleware>();
        var middleware = new CorsMiddleware(_cors.Handler, Options.Create(options), logger);
        // No HttpContext yet: the integration's middleware has not run.
        var invocation = FakeInvocation.Http(new FakeHttpRequestData("OPTIONS", "https://app.example.com" + ItemsPath,
            [new(CorsHeaderNames.Origin, Trusted), new(CorsHeaderNames.RequestMethod, "PUT")]));

        await middleware.Invoke(invocation.Context, Function());

        Assert.Equal(1, _functionRuns);
        Assert.Null(invocation.InvocationResult);
        Assert.Equal(1010, logger.LatestRecord.Id.Id);
        Assert.Contains("ConfigureFunctionsWebApplication() first", logger.LatestRecord.Message, StringComparison.Ordinal);
        Assert.Empty(_cors.Points("preflight"));

        // Reading it would bind the request before the integration does, and the function would then fail (InvalidCastException).
        Assert.Equal(0, invocation.RequestDataReads);
    }

    [Fact]
    public async Task A_non_HTTP_trigger_in_the_integration_model_passes_through_without_a_warning()
    {
        var options = new WorkerOptions();
        options.Capabilities["HttpUri"] = "http://localhost:5555/";
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<CorsMiddleware>();
        var middleware = new CorsMiddleware(_cors.Handler, Options.Create(options), logger);
        var invocation = FakeInvocation.NotHttp();

        await middleware.Invoke(invocation.Context, Function());

        Assert.Equal(1, _functionRuns);
        Assert.Equal(0, logger.Collector.Count);
        Assert.Equal(0, invocation.RequestDataReads);
    }

    [Theory]
    [InlineData(Trusted)] // would be granted
    [InlineData("https://evil.example.com")] // would be refused: Vary only
    [InlineData(null)] // no Origin: Vary only, never counted
    public async Task A_function_that_throws_gets_no_CORS_header_and_nothing_is_counted_or_logged_as_in_the_built_in_model(string? origin)
    {
        var (context, response, invocation) = origin is null ? Invocation("GET") : Invocation("GET", (CorsHeaderNames.Origin, origin));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _middleware.Invoke(invocation.Context, Function(_ => throw new InvalidOperationException("the function failed"))));

        // The worker's server still sends a response for the request (the host answers 500 for the failed invocation).
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await response.StartAsync();

        Assert.Equal(1, _functionRuns);
        Assert.Empty(response.WireHeaders());
        Assert.Empty(_cors.Decisions.GetMeasurementSnapshot());
        Assert.Empty(_cors.Logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task A_function_that_started_its_response_before_throwing_sent_the_grant_with_it()
    {
        var (_, response, invocation) = Invocation("GET", (CorsHeaderNames.Origin, Trusted));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _middleware.Invoke(invocation.Context, Function(_ =>
        {
            response.StartAsync().GetAwaiter().GetResult(); // the headers are on the wire
            throw new InvalidOperationException("the function failed half-way");
        })));

        Assert.Equal(Trusted, response.WireHeaders()[CorsHeaderNames.AllowOrigin]);
        Assert.Equal("allowed", Assert.Single(_cors.Points("actual")).Tags["cors.outcome"]);
    }

    private static (HttpContext Context, StartableResponseFeature Response, FakeInvocation Invocation) Invocation(string method,
        params (string Name, string Value)[] headers)
    {
        var (context, response) = StartableResponseFeature.Request(method, ItemsPath, headers);
        var requestData = new FakeHttpRequestData(method, "https://app.example.com" + ItemsPath,
            headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
        return (context, response, FakeInvocation.AspNetCore(context, requestData));
    }

    private FunctionExecutionDelegate Function(Action<HttpContext>? body = null) => context =>
    {
        _functionRuns++;
        body?.Invoke(Microsoft.Azure.Functions.Worker.FunctionContextExtensions.GetHttpContext(context)!);
        return Task.CompletedTask;
    };
}
