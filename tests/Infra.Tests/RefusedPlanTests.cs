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

    private static (int ExitCode, string Output) BuildParams(string plan) =>
        BicepCli.RunOnParameters("build-params", $"param hostingPlan = '{plan}'", "--stdout");
}
