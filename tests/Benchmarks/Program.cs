using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CorsFunctions.Benchmarks;
using Perfolizer.Horology;

// --verify: only check the decisions. --snapshot-bytes: bytes per simple policy in the snapshot. --azurite CONNECTION:
// the refresh against a real Table Storage emulator (scripts/measure-refresh.sh). --short: a quick in-process run (about a minute). Otherwise the
// full run: every benchmark in its own process, three launches each (dynamic PGO can settle differently
// per process, most visibly on the 1,000-origin cases).
if (!Verification.Run(Console.Out))
{
    Console.Error.WriteLine("Core answered a scenario wrongly; not benchmarking it.");
    return 1;
}

if (args.Contains("--verify"))
{
    return 0;
}

if (args.Contains("--snapshot-bytes"))
{
    SnapshotSize.Run(Console.Out);
    return 0;
}

if (Array.IndexOf(args, "--azurite") is var azurite and >= 0)
{
    return await AzuriteRefresh.RunAsync(args[azurite + 1], Console.Out);
}

var quick = args.Contains("--short");
var job = quick
    ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(1).WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(80))
    : Job.Default.WithLaunchCount(3).WithWarmupCount(5).WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(250));
string[] benchmarkArgs = [.. args.Where(a => a != "--short")];
if (!benchmarkArgs.Contains("--filter"))
{
    benchmarkArgs = [.. benchmarkArgs, "--filter", "*"];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Verification).Assembly)
    .Run(benchmarkArgs, DefaultConfig.Instance.AddJob(job.AsDefault()));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
