using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Runs the setup checks once per start: the plan first (from the environment), the trigger checks as soon as the
/// function metadata is read (the same metadata the worker reports to the host), the policy checks once the first
/// snapshot came from the store.
/// </summary>
internal sealed class CorsSetupDiagnostics(
    IFunctionMetadataManager metadata,
    IPolicySnapshotReady policies,
    FunctionAppEnvironment app,
    IOptions<CorsPolicyOptions> options,
    ILogger<CorsSetupDiagnostics> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CheckAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the store was ever read: the refresher reports that.
        }
        catch (Exception e)
        {
            // A diagnostic must never stop the app (a failing hosted service stops the host).
            CorsSetupLog.ChecksFailed(logger, e);
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        if (app.PlanAnsweringPreflights is { } plan)
        {
            CorsSetupLog.PlanAnswersPreflights(logger, plan);
        }

        var functions = HttpFunctionReader.Read(await metadata.GetFunctionMetadataAsync(app.Directory).ConfigureAwait(false));
        var routePrefix = app.ReadRoutePrefix();
        CorsSetupCheck.CheckMethods(functions, routePrefix, logger);

        var snapshot = await policies.FirstLoaded.WaitAsync(stoppingToken).ConfigureAwait(false);
        CorsSetupCheck.CheckPolicies(functions, routePrefix, snapshot.Policies, options.Value, logger);
        PolicyLintLog.LogWarnings(snapshot.Policies, AppLintContext.From(functions, routePrefix), options.Value.PartitionKey, logger);
    }
}
