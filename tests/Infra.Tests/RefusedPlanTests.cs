using System.Diagnostics;
using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>
/// Runs the Bicep CLI installed by scripts/bicep.sh on throwaway parameter files: a plan where the
/// host answers preflights itself must not even compile; a supported one compiles (control case,
/// so that a broken harness cannot pass the refusal test).
/// </summary>
public sealed class RefusedPlanTests
{
    [Theory]
    [InlineData("FC1")]
    [InlineData("Y1-linux")]
    [InlineData("Dynamic")]
    public void Plan_where_the_host_answers_preflights_is_refused_at_compile_time(string plan)
    {
        var (exitCode, output) = BuildParams(plan);

        Assert.NotEqual(0, exitCode);
        // BCP033: the value is not one of the parameter's allowed values.
        Assert.Contains("BCP033", output, StringComparison.Ordinal);
        Assert.Contains($"'{plan}'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Y1")]
    [InlineData("EP1")]
    [InlineData("S1")]
    public void Supported_plan_compiles(string plan)
    {
        var (exitCode, output) = BuildParams(plan);

        Assert.True(exitCode == 0, output);
    }

    private static (int ExitCode, string Output) BuildParams(string plan)
    {
        if (!File.Exists(RepoFiles.BicepCli))
        {
            throw new FileNotFoundException("Bicep CLI not installed in .tools/: run scripts/bicep.sh first.", RepoFiles.BicepCli);
        }

        var folder = Path.Combine(RepoFiles.InfraBin, "plan-checks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{plan}-{Guid.NewGuid():N}.bicepparam");
        File.WriteAllText(file, $"using '../../main.bicep'\n\nparam environmentName = 'ci'\nparam hostingPlan = '{plan}'\n");
        try
        {
            var start = new ProcessStartInfo(RepoFiles.BicepCli)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "build-params", file, "--stdout" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Bicep CLI did not finish within 60 s.");
            }

            return (process.ExitCode, stderr.Result + stdout.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
