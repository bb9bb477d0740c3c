using Azure.Core;
using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>Runs <c>corsfunctions</c> in-process, as its Program does, capturing both streams; table calls retried as in production, with short waits.</summary>
internal static class Tool
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(ProductionRetries.WithShortDelays(), args);

    public static Task<CliResult> RunAsync(TableClientOptions clientOptions, params string[] args) => RunAsync(clientOptions, CliEnvironment.None, args);

    /// <summary>A run that may read <paramref name="environment"/>'s standard input and variables.</summary>
    public static Task<CliResult> RunAsync(CliEnvironment environment, params string[] args) => RunAsync(ProductionRetries.WithShortDelays(), environment, args);

    /// <summary>A run that <paramref name="cancellation"/> may interrupt, as Ctrl+C does.</summary>
    public static Task<CliResult> RunAsync(TableClientOptions clientOptions, CancellationToken cancellation, params string[] args) =>
        RunAsync(clientOptions, CliEnvironment.None, args, cancellation);

    private static async Task<CliResult> RunAsync(TableClientOptions clientOptions, CliEnvironment environment, string[] args,
        CancellationToken cancellation = default)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await CliApplication.RunAsync(args, output, error, cancellation, clientOptions, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Client options whose pipeline runs <paramref name="beforeFirstWrite"/> once, just before the first entity write is sent.</summary>
    public static TableClientOptions BeforeFirstWrite(Action beforeFirstWrite)
    {
        var options = ProductionRetries.WithShortDelays();
        options.AddPolicy(new BeforeFirstWritePolicy(beforeFirstWrite), HttpPipelinePosition.PerCall);
        return options;
    }
}
