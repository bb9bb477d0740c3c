using System.Diagnostics;
using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Load;

/// <summary>
/// Many concurrent requests through the real worker: allowed preflights never fail and never read storage, and
/// cost no more than a plain invocation of the same app (an OPTIONS without Access-Control-Request-Method, which
/// runs the catch-all's body and is stamped as an actual request).
/// </summary>
public abstract class PreflightLoadTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Requests = 2000;
    private const int Clients = 32;
    private const int Rounds = 2;

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
    public async Task Allowed_preflight_costs_no_more_than_a_plain_invocation_of_the_same_app()
    {
        // Alternating rounds, so that drift of a shared machine hits both kinds alike; the best round of each counts.
        var preflights = new List<LoadRun>();
        var plain = new List<LoadRun>();
        for (var round = 0; round < Rounds; round++)
        {
            preflights.Add(await RunAsync(AllowedPreflight, IsAllowedPreflight));
            plain.Add(await RunAsync(PlainOptions, IsStampedPlainOptions));
        }

        var bestPreflight = preflights.MaxBy(r => r.Throughput)!;
        var bestPlain = plain.MaxBy(r => r.Throughput)!;
        output.WriteLine($"{Model}, allowed preflight: {bestPreflight}");
        output.WriteLine($"{Model}, plain OPTIONS invocation: {bestPlain}");
        output.WriteLine($"{Model}, preflight/plain throughput {bestPreflight.Throughput / bestPlain.Throughput:0.00}, "
            + $"p50 {bestPreflight.P50 / bestPlain.P50:0.00}, p99 {bestPreflight.P99 / bestPlain.P99:0.00}");

        Assert.All(preflights.Concat(plain), run => Assert.Empty(run.Failures));

        // Both go through one invocation; the preflight skips the function body. 25 % slack for a noisy shared machine.
        Assert.True(bestPreflight.P50 <= bestPlain.P50 * 1.25,
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

    private async Task<LoadRun> RunAsync(Func<HttpRequestMessage> create, Func<HttpResponseMessage, bool> succeeded)
    {
        var latencies = new double[Requests];
        var failures = new List<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = fixture.ApiBase };
            int index;
            while ((index = Interlocked.Increment(ref next)) < Requests)
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
        return new LoadRun(Requests, Clients, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), failures);
    }

    private static double Percentile(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}
