using System.Diagnostics;
using CorsFunctions.EndToEnd.Emulator;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// Builds a function app (Release) into a folder of its own beside the test assembly and returns the folder the
/// host would run: the one with worker.config.json and functions.metadata. Incremental after the first run.
/// </summary>
internal static class FunctionAppBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    /// <param name="project">The app's project file, path segments from the repository root.</param>
    public static async Task<string> BuildAsync(string[] project)
    {
        var artifacts = Path.Combine(AppContext.BaseDirectory, "function-apps", Path.GetFileNameWithoutExtension(project[^1]));
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "build", Repository.PathOf(project), "-c", "Release", "--artifacts-path", artifacts, "-nologo", "-v:q" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would steer a nested build.
        foreach (var name in startInfo.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        var output = new OutputTail();
        var process = ChildProcesses.Start(startInfo, output.Add);
        try
        {
            await process.WaitForExitAsync().WaitAsync(BuildTimeout);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Building {string.Join('/', project)} failed (exit code {process.ExitCode}):{Environment.NewLine}{output}");
            }
        }
        finally
        {
            ChildProcesses.Stop(process);
        }

        return Directory.EnumerateFiles(Path.Combine(artifacts, "bin"), "worker.config.json", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Single(directory => File.Exists(Path.Combine(directory!, "functions.metadata")))!;
    }
}
