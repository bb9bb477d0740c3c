using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using CorsFunctions.EndToEnd.Emulator;
using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;

namespace CorsFunctions.EndToEnd.Startup;

/// <summary>
/// Issue 24's start-up table through the host emulator with the real worker (src/Functions/App) and real Azurite:
/// per size, N simple policies are seeded, the worker launched, the first correct preflight timed, then the worker's
/// own RSS and idle CPU sampled. Writes a Markdown table to <c>CORS_MEASURE_STARTUP_OUTPUT</c> when set.
/// </summary>
public sealed class StartupMeasurement(ITestOutputHelper output)
{
    private const string PolicySet = "startup";
    private const string TableName = "StartupCorsPolicies";
    private const int RowsPerTransaction = 100;

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(20);

    // Two windows back to back: the first still holds the settling after the load (tiered JIT, collecting the load's
    // garbage), the second is the steady state.
    private const int IdleWindows = 2;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    [StartupMeasurementFact]
    public async Task First_correct_preflight_worker_rss_and_idle_cpu_per_stored_policy_count()
    {
        var sizes = Environment.GetEnvironmentVariable(StartupMeasurementFactAttribute.SizesVariable)!
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size, CultureInfo.InvariantCulture))
            .ToList();
        var appDirectory = await FunctionAppBuild.BuildAsync(["src", "Functions", "App", "App.csproj"]);

        var lines = new List<string>
        {
            "| stored policies | first correct preflight after launch | worker RSS | worker CPU while idle, 0-20 s | worker CPU while idle, 20-40 s |",
            "| --- | --- | --- | --- | --- |",
        };
        foreach (var size in sizes)
        {
            var sample = await MeasureAsync(appDirectory, size);
            lines.Add($"| {size:N0} | {sample.FirstPreflight.TotalSeconds:0.00} s | {sample.RssMegabytes:0} MB | {string.Join(" | ", sample.IdleCpuMsPerSecond.Select(cpu => $"{cpu:0.0} ms per second"))} |");
            output.WriteLine(lines[^1]);
        }

        if (Environment.GetEnvironmentVariable("CORS_MEASURE_STARTUP_OUTPUT") is { Length: > 0 } path)
        {
            await File.WriteAllLinesAsync(path, lines);
        }
    }

    private static async Task<StartupSample> MeasureAsync(string appDirectory, int size)
    {
        using var azurite = await AzuriteTables.StartAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        await SeedAsync(table, size);

        // A policy from the middle of the set: the answer proves the whole set was loaded, not just its first page.
        var probe = Policy(size / 2);
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["CorsPolicies__ConnectionString"] = azurite.ConnectionString,
            ["CorsPolicies__TableName"] = TableName,
            ["CorsPolicies__PartitionKey"] = PolicySet,
            ["CorsPolicies__RefreshSeconds"] = RefreshInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["WEBSITE_SITE_NAME"] = "corsfunctions-startup",
        };
        var key = Convert.ToHexString(Guid.NewGuid().ToByteArray());

        var launched = Stopwatch.StartNew();
        await using var host = await FunctionHost.StartAsync(new FunctionHostOptions(appDirectory, key, key, settings));
        var firstPreflight = await WaitForCorrectPreflightAsync(host, probe, launched);

        // TotalProcessorTime is utime + stime of /proc/PID/stat, converted with the kernel's clock ticks.
        using var worker = Process.GetProcessById(host.WorkerProcessId);
        var idleCpu = new List<double>();
        for (var window = 0; window < IdleWindows; window++)
        {
            worker.Refresh();
            var cpuBefore = worker.TotalProcessorTime;
            var idle = Stopwatch.StartNew();
            await Task.Delay(IdleWindow);
            worker.Refresh();
            idleCpu.Add((worker.TotalProcessorTime - cpuBefore).TotalMilliseconds / idle.Elapsed.TotalSeconds);
        }

        Assert.False(worker.HasExited, "the worker exited while idle");
        return new StartupSample(firstPreflight, ResidentKilobytes(host.WorkerProcessId) / 1024.0, idleCpu);
    }

    private static async Task SeedAsync(TableClient table, int size)
    {
        for (var start = 0; start < size; start += RowsPerTransaction)
        {
            var batch = Enumerable.Range(start, Math.Min(RowsPerTransaction, size - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Policy(i).ToEntity()));
            await table.SubmitTransactionAsync(batch);
        }
    }

    /// <summary>The issue's simple policy: one route, one origin, two methods, two headers.</summary>
    private static PolicyRow Policy(int index) =>
        new($"p{index:D6}", $"/api/t{index}/*", $"https://t{index}.example.com")
        {
            PolicySet = PolicySet,
            AllowedMethods = "GET, PUT",
            AllowedHeaders = "Content-Type, X-Auth-Token",
        };

    private static async Task<TimeSpan> WaitForCorrectPreflightAsync(FunctionHost host, PolicyRow probe, Stopwatch launched)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var path = probe.Routes.Replace("*", "thing", StringComparison.Ordinal);
        HttpStatusCode? last = null;
        while (launched.Elapsed < ReadyTimeout)
        {
            using var response = await client.SendAsync(EndToEndFixture.Preflight(path, probe.AllowedOrigins, "PUT", "content-type"));
            last = response.StatusCode;
            if (last == HttpStatusCode.NoContent
                && response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) && origin.Single() == probe.AllowedOrigins)
            {
                return launched.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException(
            $"No correct preflight for {path} within {ReadyTimeout.TotalSeconds:0} s (last status {(int?)last}).{Environment.NewLine}{host.RecentOutput}");
    }

    // VmRSS of /proc/PID/status, in kB: the worker's resident memory as the kernel counts it.
    private static long ResidentKilobytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>One size's figures: RSS at the end of the idle windows, CPU per window in ms per second.</summary>
    private sealed record StartupSample(TimeSpan FirstPreflight, double RssMegabytes, IReadOnlyList<double> IdleCpuMsPerSecond);
}
