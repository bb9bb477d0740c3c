namespace CorsFunctions.EndToEnd.Load;

/// <summary>The outcome of one load run: how many requests, how fast, which failed.</summary>
internal sealed record LoadRun(int Requests, int Clients, TimeSpan Elapsed, double P50, double P99, IReadOnlyList<string> Failures)
{
    /// <summary>Requests per second.</summary>
    public double Throughput => Requests / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Requests} requests, {Clients} clients: {Throughput:0} requests/s, p50 {P50:0.00} ms, p99 {P99:0.00} ms, {Elapsed.TotalSeconds:0.00} s";
}
