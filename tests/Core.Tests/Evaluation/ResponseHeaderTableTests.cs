using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Tests.Support;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

/// <summary>
/// The complete set of response headers per case, <c>Vary</c> included: a header too many or too few fails,
/// not only a wrong value of the headers a test happens to look at.
/// </summary>
public class ResponseHeaderTableTests
{
    private const string PreflightVary = "Origin,Access-Control-Request-Method,Access-Control-Request-Headers,Access-Control-Request-Private-Network";
    private const string Evil = "https://evil.example";

    private static readonly CorsPolicyDefinition s_items = Valid with
    {
        AllowedMethods = ["PUT", "delete", "patch"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
        ExposedHeaders = ["ETag"],
    };

    private static readonly CorsPolicyDefinition s_everything = s_items with
    {
        AllowCredentials = true,
        MaxAgeSeconds = 600,
        AllowPrivateNetwork = true,
    };

    private static readonly CorsPolicyDefinition s_open = Valid with
    {
        AllowedOrigins = ["*"],
        AllowedMethods = ["*"],
        AllowedHeaders = ["*"],
        ExposedHeaders = ["*"],
        MaxAgeSeconds = 0,
    };

    private static readonly CorsPolicyDefinition s_starMethodsWithCredentials = Valid with
    {
        AllowedMethods = ["*"],
        AllowCredentials = true,
    };

    private static readonly Dictionary<string, Preflight> s_preflights = new()
    {
        ["only_methods"] = new(s_items, AppOrigin, "PUT", null, null, Allowed(
            ("Access-Control-Allow-Methods", "PUT, DELETE, patch"))),
        ["safelisted_method"] = new(s_items, AppOrigin, "GET", null, null, Allowed(
            ("Access-Control-Allow-Methods", "PUT, DELETE, patch"))),
        ["no_methods_configured"] = new(Valid, AppOrigin, "POST", null, null, Allowed()),
        ["headers_requested"] = new(s_items, AppOrigin, "PUT", "x-auth-token", null, Allowed(
            ("Access-Control-Allow-Methods", "PUT, DELETE, patch"),
            ("Access-Control-Allow-Headers", "X-Auth-Token, Content-Type"))),
        ["everything_set"] = new(s_everything, AppOrigin, "PUT", "content-type", "true", Allowed(
            ("Access-Control-Allow-Credentials", "true"),
            ("Access-Control-Allow-Methods", "PUT, DELETE, patch"),
            ("Access-Control-Allow-Headers", "X-Auth-Token, Content-Type"),
            ("Access-Control-Max-Age", "600"),
            ("Access-Control-Allow-Private-Network", "true"))),
        ["private_network_allowed_but_not_requested"] = new(s_everything, AppOrigin, "PUT", null, null, Allowed(
            ("Access-Control-Allow-Credentials", "true"),
            ("Access-Control-Allow-Methods", "PUT, DELETE, patch"),
            ("Access-Control-Max-Age", "600"))),
        ["open_policy"] = new(s_open, Evil, "PURGE", "x-anything", null, new()
        {
            ["Access-Control-Allow-Origin"] = "*",
            ["Access-Control-Allow-Methods"] = "*",
            ["Access-Control-Allow-Headers"] = "*",
            ["Access-Control-Max-Age"] = "0",
            ["Vary"] = PreflightVary,
        }),
        ["star_methods_with_credentials_echo_the_method"] = new(s_starMethodsWithCredentials, AppOrigin, "PURGE", null, null, Allowed(
            ("Access-Control-Allow-Credentials", "true"),
            ("Access-Control-Allow-Methods", "PURGE"))),
        ["origin_refused"] = new(s_everything, Evil, "PUT", null, null, Refused()),
        ["method_refused"] = new(s_everything, AppOrigin, "PURGE", null, null, Refused()),
        ["header_refused"] = new(s_everything, AppOrigin, "PUT", "x-evil", null, Refused()),
        ["private_network_refused"] = new(s_items, AppOrigin, "PUT", null, "true", Refused()),
        ["malformed_origin"] = new(s_everything, AppOrigin + "/", "PUT", null, null, Refused()),
        ["malformed_request_headers"] = new(s_everything, AppOrigin, "PUT", "x-auth-token\r\nx", null, Refused()),
    };

    private static readonly Dictionary<string, Actual> s_actualRequests = new()
    {
        ["exposed_headers"] = new(s_items, AppOrigin, new()
        {
            ["Access-Control-Allow-Origin"] = AppOrigin,
            ["Access-Control-Expose-Headers"] = "ETag",
            ["Vary"] = "Origin",
        }),
        ["credentialed"] = new(s_everything, AppOrigin, new()
        {
            ["Access-Control-Allow-Origin"] = AppOrigin,
            ["Access-Control-Allow-Credentials"] = "true",
            ["Access-Control-Expose-Headers"] = "ETag",
            ["Vary"] = "Origin",
        }),
        ["open_policy"] = new(s_open, Evil, new()
        {
            ["Access-Control-Allow-Origin"] = "*",
            ["Access-Control-Expose-Headers"] = "*",
            ["Vary"] = "Origin",
        }),
        ["nothing_to_expose"] = new(Valid, AppOrigin, new()
        {
            ["Access-Control-Allow-Origin"] = AppOrigin,
            ["Vary"] = "Origin",
        }),
        ["origin_refused"] = new(s_everything, Evil, new() { ["Vary"] = "Origin" }),
        ["malformed_origin"] = new(s_everything, "https://app.example.com:0", new() { ["Vary"] = "Origin" }),
    };

    public static TheoryData<string> PreflightCases => [.. s_preflights.Keys];

    public static TheoryData<string> ActualRequestCases => [.. s_actualRequests.Keys];

    [Theory]
    [MemberData(nameof(PreflightCases))]
    public void A_preflight_answer_carries_exactly_the_expected_headers(string name)
    {
        var (definition, origin, method, requestHeaders, privateNetwork, expected) = s_preflights[name];

        var sink = RecordingSink.Of(Compile(definition).EvaluatePreflight(origin, method, requestHeaders, privateNetwork));

        Assert.Equal(expected, OnTheWire(sink));
    }

    [Theory]
    [MemberData(nameof(ActualRequestCases))]
    public void An_actual_response_carries_exactly_the_expected_headers(string name)
    {
        var (definition, origin, expected) = s_actualRequests[name];

        var sink = RecordingSink.Of(Compile(definition).EvaluateActualRequest(origin));

        Assert.Equal(expected, OnTheWire(sink));
    }

    /// <summary>What a response would carry: every header set, plus the appended <c>Vary</c> names.</summary>
    private static Dictionary<string, string> OnTheWire(RecordingSink sink)
    {
        var headers = new Dictionary<string, string>(sink.Headers, StringComparer.OrdinalIgnoreCase);
        if (sink.VaryAppends.Count > 0)
        {
            headers["Vary"] = string.Join(", ", sink.VaryAppends);
        }

        return headers;
    }

    private static Dictionary<string, string> Allowed(params (string Name, string Value)[] headers)
    {
        var expected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Access-Control-Allow-Origin"] = AppOrigin,
            ["Vary"] = PreflightVary,
        };
        foreach (var (headerName, value) in headers)
        {
            expected.Add(headerName, value);
        }

        return expected;
    }

    private static Dictionary<string, string> Refused() => new() { ["Vary"] = PreflightVary };

    private sealed record Preflight(CorsPolicyDefinition Definition, string Origin, string Method, string? RequestHeaders,
        string? PrivateNetwork, Dictionary<string, string> Expected);

    private sealed record Actual(CorsPolicyDefinition Definition, string Origin, Dictionary<string, string> Expected);
}
