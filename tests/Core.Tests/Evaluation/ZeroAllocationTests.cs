using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Evaluation;

/// <summary>
/// The hot paths allocate nothing once warmed up. These measure bytes, never time: timings belong to the benchmarks.
/// </summary>
public class ZeroAllocationTests
{
    private const int Repetitions = 100;

    private static readonly CorsPolicy s_policy = Compile(Valid with
    {
        AllowedOrigins = [AppOrigin, "https://*.example.org"],
        AllowedMethods = ["PUT", "patch"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
        ExposedHeaders = ["X-Total"],
        AllowCredentials = true,
        MaxAgeSeconds = 600,
        AllowPrivateNetwork = true,
    });

    private static readonly CorsPolicy s_tenThousandOrigins = WithOrigins(
        [.. Enumerable.Range(0, 10_000).Select(i => $"https://app{i}.example.com")]);

    public static TheoryData<string, string?> AllowedPreflights() => new()
    {
        { AppOrigin, null },
        { AppOrigin, "x-auth-token,content-type" },
        { "https://a.b.example.org", null },
        { "https://a.b.example.org", "X-Auth-Token, content-type" },
    };

    [Theory]
    [MemberData(nameof(AllowedPreflights))]
    public void An_allowed_preflight_allocates_nothing(string origin, string? requestHeaders)
    {
        Assert.True(s_policy.EvaluatePreflight(origin, "PUT", requestHeaders, "true").IsAllowed);

        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluatePreflight(origin, "PUT", requestHeaders, "true")));
    }

    [Fact]
    public void An_allowed_preflight_with_several_request_header_lines_allocates_nothing()
    {
        string?[] lines = ["x-auth-token", "content-type"];
        Assert.True(s_policy.EvaluatePreflight(AppOrigin, "patch", lines, null).IsAllowed);

        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluatePreflight(AppOrigin, "patch", lines, null)));
    }

    [Fact]
    public void A_preflight_against_ten_thousand_exact_origins_allocates_nothing()
    {
        const string origin = "https://app9999.example.com";
        Assert.True(s_tenThousandOrigins.EvaluatePreflight(origin, "GET").IsAllowed);

        Assert.Equal(0, BytesAllocated(() => s_tenThousandOrigins.EvaluatePreflight(origin, "GET")));
        Assert.Equal(0, BytesAllocated(() => s_tenThousandOrigins.EvaluatePreflight("https://app10000.example.com", "GET")));
    }

    [Theory]
    [InlineData(AppOrigin)]
    [InlineData("https://a.example.org")]
    public void An_allowed_actual_request_allocates_nothing(string origin)
    {
        Assert.True(s_policy.EvaluateActualRequest(origin).IsAllowed);

        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluateActualRequest(origin)));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://APP.example.com")] // not spelled as browsers send it
    public void A_refused_origin_allocates_nothing(string origin) =>
        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluatePreflight(origin, "PUT")));

    /// <summary>Address hosts and A-labels are parsed, serialized and decoded on the stack (issue 23.1).</summary>
    [Theory]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://[2001:db8::1:0:0:1]:3000", true)]
    [InlineData("https://xn--bcher-kva.example", true)]
    [InlineData("http://0x7f.0.0.1:3000", false)]
    [InlineData("http://[0:0:0:0:0:0:0:1]:3000", false)]
    [InlineData("http://[::ffff:127.0.0.1]:3000", false)]
    [InlineData("http://[:::1]:3000", false)]
    [InlineData("https://xn--zz.example", false)]
    public void An_address_or_a_punycode_host_under_star_is_decided_without_allocating(string origin, bool allowed)
    {
        var any = WithOrigins("*");
        Assert.Equal(allowed, any.EvaluatePreflight(origin, "GET").IsAllowed);

        Assert.Equal(0, BytesAllocated(() => any.EvaluatePreflight(origin, "GET")));
    }

    /// <summary>Issue 23.4's outlier: 258 characters in 116 labels, matched by a wildcard and refused by it.</summary>
    [Theory]
    [InlineData(".example.org", true)]
    [InlineData(".example.net", false)]
    public void A_host_of_116_labels_against_a_wildcard_is_decided_without_allocating(string suffix, bool allowed)
    {
        var origin = "https://" + string.Join('.', Enumerable.Repeat("a", 103).Concat(Enumerable.Repeat("ab", 11))) + suffix;
        Assert.Equal((258, 116), (origin.Length, origin.Count(c => c == '.') + 1));
        Assert.Equal(allowed, s_policy.EvaluatePreflight(origin, "PUT").IsAllowed);

        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluatePreflight(origin, "PUT")));
    }

    [Theory]
    [InlineData("DELETE", null)]
    [InlineData("PUT", "x-auth-token,x-trace-id")]
    public void A_debug_answer_allocates_nothing(string method, string? requestHeaders)
    {
        var debug = Compile(Valid with { AllowedMethods = ["PUT"], AllowedHeaders = ["X-Auth-Token"], Debug = true });
        Assert.True(debug.EvaluatePreflight(AppOrigin, method, requestHeaders).IsDebugAnswer);

        Assert.Equal(0, BytesAllocated(() => debug.EvaluatePreflight(AppOrigin, method, requestHeaders)));
    }

    [Fact]
    public void An_origin_over_the_length_bound_is_refused_without_allocating()
    {
        var hostile = "https://" + new string('a', 64 * 1024);

        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluatePreflight(hostile, "PUT")));
        Assert.Equal(0, BytesAllocated(() => s_policy.EvaluateActualRequest(hostile)));
    }

    [Fact]
    public void Writing_a_decision_to_a_struct_sink_allocates_nothing()
    {
        var preflight = s_policy.EvaluatePreflight(AppOrigin, "PUT", "x-auth-token", "true");
        var actual = s_policy.EvaluateActualRequest(AppOrigin);

        Assert.Equal(0, BytesAllocated(() =>
        {
            var sink = default(CountingSink);
            preflight.WriteTo(ref sink);
            actual.WriteTo(ref sink);
            return sink.Count;
        }));
    }

    [Theory]
    [InlineData("/api/items/42")]
    [InlineData("/API/Items/7/?q=1")]
    [InlineData("/health")]
    [InlineData("/nowhere-special/deep/path")]
    public void Resolving_a_route_allocates_nothing(string path)
    {
        var set = PolicySet.Create([
            Valid with { Id = "default", Routes = ["/**"] },
            Valid with { Id = "items", Routes = ["/api/items", "/api/items/*", "/api/items/*/**"] },
            Valid with { Id = "health", Routes = ["/health"] },
        ]);
        Assert.NotNull(set.Resolve(path).Policy);

        Assert.Equal(0, BytesAllocated(() => set.Resolve(path)));
    }

    [Theory]
    [InlineData("/api/items/42")]
    [InlineData("/api/orders/7")]
    public void Resolving_the_report_only_policy_beside_the_enforced_one_allocates_nothing(string path)
    {
        var set = PolicySet.Create([
            Valid with { Id = "items", Routes = ["/api/items/*"] },
            Valid with { Id = "items-next", Routes = ["/api/items/*"], Mode = PolicyMode.ReportOnly },
        ]);
        _ = set.ResolveReportOnly(path);

        Assert.Equal(0, BytesAllocated(() => set.ResolveReportOnly(path)));
        Assert.Equal(0, BytesAllocated(() => set.Resolve(path)));
    }

    [Fact]
    public void Policies_and_routes_past_the_small_array_form_decide_without_allocating()
    {
        var many = Compile(Valid with
        {
            AllowedMethods = [.. Enumerable.Range(0, 12).Select(i => $"VERB{i}")],
            AllowedHeaders = [.. Enumerable.Range(0, 12).Select(i => $"X-Header-{i}")],
        });
        var set = PolicySet.Create(Enumerable.Range(0, 20).Select(i => Valid with { Id = $"tenant{i}", Routes = [$"/api/tenant{i}/items"] }));
        Assert.True(many.EvaluatePreflight(AppOrigin, "VERB11", "x-header-11").IsAllowed);
        Assert.Equal("tenant19", set.Resolve("/api/TENANT19/items").PolicyId);

        Assert.Equal(0, BytesAllocated(() => many.EvaluatePreflight(AppOrigin, "VERB11", "x-header-11")));
        Assert.Equal(0, BytesAllocated(() => set.Resolve("/api/TENANT19/items")));
    }

    /// <summary>Bytes allocated by <paramref name="action"/> over <see cref="Repetitions"/> calls after a warm-up call.</summary>
    private static long BytesAllocated<T>(Func<T> action)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Repetitions; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private struct CountingSink : ICorsHeaderSink
    {
        public int Count { get; private set; }

        public void SetHeader(string name, string value) => Count++;

        public void AppendVary(string value) => Count++;
    }
}
