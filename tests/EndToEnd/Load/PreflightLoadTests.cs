using System.Diagnostics;
using System.Net;
using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Load;

/// <summary>Many concurrent preflights through the real worker: no error, and storage read only by the refresher.</summary>
[Collection(EndToEndSuite.Name)]
public sealed class PreflightLoadTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Preflights = 2000;
    private const int Clients = 32;

    [Fact]
    public async Task Preflights_under_load_all_succeed_and_never_read_the_policy_table()
    {
        var latencies = new double[Preflights];
        var failures = new List<string>();
        var next = -1;
        var readsBefore = fixture.TableProxy.TableReads;
        Assert.True(readsBefore > 0, "the counting proxy saw none of the refresher's reads: the worker does not read through it");
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = fixture.ApiBase };
            int index;
            while ((index = Interlocked.Increment(ref next)) < Preflights)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(EndToEndFixture.Preflight(ItemsCollection, TrustedOrigin, "PUT", "content-type,x-auth-token"));
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.NoContent || response.Headers.GetValues("Access-Control-Allow-Origin").Single() != TrustedOrigin)
                {
                    lock (failures)
                    {
                        failures.Add($"#{index}: {(int)response.StatusCode}");
                    }
                }
            }
        }));

        clock.Stop();
        var reads = fixture.TableProxy.TableReads - readsBefore;
        Array.Sort(latencies);
        output.WriteLine($"{Preflights} preflights, {Clients} clients: {Preflights / clock.Elapsed.TotalSeconds:0} preflights/s, "
            + $"p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, {clock.Elapsed.TotalSeconds:0.00} s, "
            + $"{reads} policy table reads");

        Assert.Empty(failures);
        // The refresher reads once per interval; anything beyond that (plus the refresh in flight at each end) came from requests.
        var refreshes = (int)Math.Ceiling(clock.Elapsed / EndToEndFixture.RefreshInterval) + 2;
        Assert.True(reads <= refreshes, $"{reads} table reads during {clock.Elapsed.TotalSeconds:0.0} s; refreshes explain at most {refreshes}");
    }

    private static double Percentile(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}
