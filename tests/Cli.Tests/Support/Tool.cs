using Azure.Core;
using Azure.Data.Tables;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>Runs <c>corsfunctions</c> in-process, as its Program does, capturing both streams.</summary>
internal static class Tool
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(new TableClientOptions { Retry = { MaxRetries = 0 } }, args);

    public static async Task<CliResult> RunAsync(TableClientOptions clientOptions, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await CliApplication.RunAsync(args, output, error, CancellationToken.None, clientOptions);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Client options whose pipeline runs <paramref name="beforeFirstWrite"/> once, just before the first entity write is sent.</summary>
    public static TableClientOptions BeforeFirstWrite(Action beforeFirstWrite)
    {
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        options.AddPolicy(new BeforeFirstWritePolicy(beforeFirstWrite), HttpPipelinePosition.PerCall);
        return options;
    }
}
