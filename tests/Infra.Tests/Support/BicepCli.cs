using System.Diagnostics;

namespace CorsFunctions.Infra.Tests.Support;

/// <summary>Runs the Bicep CLI installed by scripts/bicep.sh on a throwaway parameter file of infra/main.bicep.</summary>
internal static class BicepCli
{
    /// <summary>
    /// Writes <paramref name="parameters"/> (Bicep `param` lines) next to infra/bin/, runs `bicep <command> <file>` with
    /// <paramref name="arguments"/> and returns its exit code and everything it printed.
    /// </summary>
    public static (int ExitCode, string Output) RunOnParameters(string command, string parameters, params string[] arguments)
    {
        if (!File.Exists(RepoFiles.BicepCli))
        {
            throw new FileNotFoundException("Bicep CLI not installed in .tools/: run scripts/bicep.sh first.", RepoFiles.BicepCli);
        }

        var folder = Path.Combine(RepoFiles.InfraBin, "param-checks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.bicepparam");
        File.WriteAllText(file, $"using '../../main.bicep'\n\nparam environmentName = 'ci'\n{parameters}\n");
        try
        {
            var start = new ProcessStartInfo(RepoFiles.BicepCli)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { command, file }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Bicep CLI did not finish within 120 s.");
            }

            return (process.ExitCode, stderr.Result + stdout.Result);
        }
        finally
        {
            File.Delete(file);
            File.Delete(Path.ChangeExtension(file, ".snapshot.json"));
        }
    }

    /// <summary>`bicep snapshot` of main.bicep with <paramref name="parameters"/>: evaluates the template as a deployment would.</summary>
    public static (int ExitCode, string Output) Snapshot(string parameters) =>
        RunOnParameters("snapshot", parameters, "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-000000000000",
            "--resource-group", "rg-corsfunctions-ci", "--location", "westeurope");
}
