using System.Diagnostics;
using System.Xml.Linq;
using CorsFunctions.EndToEnd.Emulator;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// Builds a function app (Release) into a folder of its own beside the test assembly and returns the folder the host
/// would run: the one with worker.config.json and functions.metadata. The samples take CorsFunctions from the local
/// package feed (artifacts/packages); when it lacks the packages of this version, they are packed first
/// (<c>scripts/pack.sh --build</c>, as <c>scripts/test.sh</c> does before the tests). Apps with project references
/// build without the feed.
/// </summary>
internal static class FunctionAppBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly Lazy<Task> Packages = new(EnsurePackagesAsync);

    /// <param name="project">The app's project file, path segments from the repository root.</param>
    public static async Task<string> BuildAsync(string[] project)
    {
        // Only the samples take CorsFunctions from the feed; src/Functions/App references the projects.
        if (project[0] == "samples")
        {
            await Packages.Value;
        }

        var artifacts = Path.Combine(AppContext.BaseDirectory, "function-apps", Path.GetFileNameWithoutExtension(project[^1]));
        await RunAsync(string.Join('/', project), "dotnet", "build", Repository.PathOf(project), "-c", "Release", "--artifacts-path", artifacts, "-nologo", "-v:q");
        return Directory.EnumerateFiles(Path.Combine(artifacts, "bin"), "worker.config.json", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Single(directory => File.Exists(Path.Combine(directory!, "functions.metadata")))!;
    }

    private static async Task EnsurePackagesAsync()
    {
        var version = XDocument.Load(Repository.PathOf("Version.props")).Descendants("CorsFunctionsVersion").Single().Value;
        if (!File.Exists(Repository.PathOf("artifacts", "packages", $"CorsFunctions.Worker.{version}.nupkg")))
        {
            await RunAsync("the CorsFunctions packages", "bash", Repository.PathOf("scripts", "pack.sh"), "--build");
        }
    }

    private static async Task RunAsync(string what, string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { WorkingDirectory = Repository.Root };
        foreach (var argument in arguments)
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
                throw new InvalidOperationException($"Building {what} failed (exit code {process.ExitCode}):{Environment.NewLine}{output}");
            }
        }
        finally
        {
            ChildProcesses.Stop(process);
        }
    }
}
