using System.Diagnostics;
using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Load;

/// <summary>
/// Many concurrent requests through the real worker: allowed preflights never fail and never read storage, and
/// cost about what a plain invocation of the same app costs (an OPTIONS without Access-Control-Request-Method, which
/// runs the catch-all's body and is stamped as an actual request).
/// </summary>
public abstract class PreflightLoadTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Requests = 2000;
    private const int Clients = 32;

    // Short alternating rounds for the comparison: other test projects share the machine's cores, and their bursts
    // last seconds; with five rounds of each kind, one round of each is likely to run in a quiet moment.
    private const int ComparisonRounds = 5;
    private const int ComparisonRequests = 1000;

    [Fact]
    public async Task Preflights_under_load_all_succeed_and_never_read_the_policy_table()
    {
        var readsBefore = fixture.TableProxy.TableReads;
        Assert.True(readsBefore > 0, "the counting proxy saw none of the refresher's reads: the worker does not read through it");

        var run = await RunAsync(AllowedPreflight, IsAllowedPreflight);

        var reads = fixture.TableProxy.TableReads - readsBefore;
        output.WriteLine($"{Model}: {run} ({reads} policy table reads)");
        Assert.Empty(run.Failures);

        // The refresher reads once per interval; anything beyond that (plus the refresh in flight at each end) came from requests.
        var refreshes = (int)Math.Ceiling(run.Elapsed / EndToEndFixture.RefreshInterval) + 2;
        Assert.True(reads <= refreshes, $"{reads} table reads during {run.Elapsed.TotalSeconds:0.0} s; refreshes explain at most {refreshes}");
    }

    [Fact]
    public async Task Allowed_preflight_costs_at_most_one_plain_invocation_of_the_same_app()
    {
        // Alternating rounds, so that drift of a shared machine hits both kinds alike; the best round of each counts.
        var preflights = new List<LoadRun>();
        var plain = new List<LoadRun>();
        for (var round = 0; round < ComparisonRounds; round++)
        {
            preflights.Add(await RunAsync(AllowedPreflight, IsAllowedPreflight, ComparisonRequests));
            plain.Add(await RunAsync(PlainOptions, IsStampedPlainOptions, ComparisonRequests));
        }

        var bestPreflight = preflights.MinBy(r => r.P50)!;
        var bestPlain = plain.MinBy(r => r.P50)!;
        output.WriteLine($"{Model}, allowed preflight: {bestPreflight}");
        output.WriteLine($"{Model}, plain OPTIONS invocation: {bestPlain}");
        output.WriteLine($"{Model}, preflight/plain throughput {bestPreflight.Throughput / bestPlain.Throughput:0.00}, "
            + $"p50 {bestPreflight.P50 / bestPlain.P50:0.00}, p99 {bestPreflight.P99 / bestPlain.P99:0.00}");

        Assert.All(preflights.Concat(plain), run => Assert.Empty(run.Failures));

        // Both go through one invocation; the preflight skips the function body, which for the public catch-all is
        // trivial, so the two cost about the same. 50 % slack for a shared machine: a preflight that did more than one
        // invocation's work (a store read, a second invocation) would cost at least twice as much.
        Assert.True(bestPreflight.P50 <= bestPlain.P50 * 1.5,
            $"an allowed preflight (p50 {bestPreflight.P50:0.00} ms) cost more than a plain invocation (p50 {bestPlain.P50:0.00} ms)");
    }

    private string Model => fixture.AspNetCoreIntegration ? "ASP.NET Core integration" : "built-in HTTP model";

    private static HttpRequestMessage AllowedPreflight() =>
        EndToEndFixture.Preflight(ItemsCollection, TrustedOrigin, "PUT", "content-type,x-auth-token");

    private static HttpRequestMessage PlainOptions()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, ItemsCollection);
        request.Headers.Add("Origin", TrustedOrigin);
        return request;
    }

    private static bool IsAllowedPreflight(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NoContent
        && response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) && origin.Single() == TrustedOrigin
        && response.Headers.Contains("Access-Control-Allow-Methods");

    private static bool IsStampedPlainOptions(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NoContent
        && response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) && origin.Single() == TrustedOrigin
        && !response.Headers.Contains("Access-Control-Allow-Methods");

    private async Task<LoadRun> RunAsync(Func<HttpRequestMessage> create, Func<HttpResponseMessage, bool> succeeded, int requests = Requests)
    {
        var latencies = new double[requests];
        var failures = new List<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = fixture.ApiBase };
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(create());
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!succeeded(response))
                {
                    lock (failures)
                    {
                        failures.Add($"#{index}: {(int)response.StatusCode}");
                    }
                }
            }
        }));

        clock.Stop();
        Array.Sort(latencies);
        return new LoadRun(requests, Clients, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), failures);
    }

    private static double Percentile(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}
