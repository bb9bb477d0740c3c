using Microsoft.Extensions.Hosting;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Keeps the policy snapshot fresh: runs the first load during startup (so policies are in force before the host
/// sends the first request), then a reload whenever <see cref="PolicyReloadSchedule"/> says one is due. Before
/// the first success every CORS request is refused (fail closed).
/// </summary>
internal sealed class PolicySnapshotRefresher(PolicySnapshotLoader loader, IPolicySnapshotSource snapshot, PolicyReloadSchedule schedule,
    TimeProvider timeProvider) : BackgroundService
{
    /// <summary>How long startup waits for the first load before letting the app run fail closed.</summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    private Task _firstLoad = Task.CompletedTask;

    /// <summary>
    /// Starts the first load and waits for it (at most <see cref="StartupWait"/>), then starts the reload loop.
    /// The first load runs here rather than in <see cref="ExecuteAsync"/>, which .NET runs on another thread.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _firstLoad = loader.RefreshAsync(CancellationToken.None);
        try
        {
            await _firstLoad.WaitAsync(StartupWait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The store is slow: keep starting, fail closed until the load in progress completes.
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _firstLoad.WaitAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                var delay = schedule.NextDelay(snapshot.Current.IsLoaded, loader.ConsecutiveFailures);
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
                await loader.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
