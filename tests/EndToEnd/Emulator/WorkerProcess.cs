using System.Diagnostics;
using System.Text.Json;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The worker started the way the host starts it: <c>dotnet App.dll --functions-uri ...</c> plus the directory variables.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process)
    {
        _process = process;
        Exited = process.WaitForExitAsync();
    }

    /// <summary>Completes when the worker process has exited.</summary>
    public Task Exited { get; }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The operating system's id of the worker process (the app itself, started by <c>dotnet</c> directly).</summary>
    public int Id => _process.Id;

    private static readonly string[] PlanVariables = ["CONTAINER_NAME", "WEBSITE_SKU", "WEBSITE_INSTANCE_ID", "LEGION_SERVICE_HOST", "MANAGED_ENVIRONMENT"];

    public static WorkerProcess Start(string appDirectory, Uri hostEndpoint, IReadOnlyDictionary<string, string> environment, OutputTail output, HostLog hostLog)
    {
        var workerId = Guid.NewGuid().ToString();
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = appDirectory };
        foreach (var argument in new[]
        {
            WorkerAssembly(appDirectory),
            "--functions-uri", hostEndpoint.ToString(),
            "--functions-worker-id", workerId,
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", "2147483647",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The variables that tell a plan whose host answers preflights itself (Linux or Flex Consumption): this process may
        // run in a container that sets CONTAINER_NAME, but the emulator routes preflights to the worker as the host does on
        // the other plans. A test that wants such a plan sets them as app settings.
        foreach (var name in PlanVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        startInfo.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        startInfo.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        // The host relays the worker's console output as its own log lines; so does the emulator.
        return new WorkerProcess(ChildProcesses.Start(startInfo,
            line =>
            {
                output.Add($"[worker] {line}");
                hostLog.AddStandardOutput(line);
            },
            line =>
            {
                output.Add($"[worker stderr] {line}");
                hostLog.AddStandardError(line);
            }));
    }

    public void Dispose() => ChildProcesses.Stop(_process);

    // worker.config.json names the assembly the host runs (defaultWorkerPath).
    private static string WorkerAssembly(string appDirectory)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "worker.config.json")));
        return Path.Combine(appDirectory, config.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString()!);
    }
}
