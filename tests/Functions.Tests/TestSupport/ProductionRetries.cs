using Azure.Data.Tables;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// Table client options with the app's own retries (<see cref="TableRetry"/>): every attempt of production, only the
/// waits shortened, so an outage fails in a test exactly as it fails in the app (several attempts, one aggregate).
/// </summary>
internal static class ProductionRetries
{
    public static TimeSpan Delay { get; } = TimeSpan.FromMilliseconds(10);

    public static TimeSpan MaxDelay { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The options; <paramref name="networkTimeout"/> shortens the wait for an answer too (a frozen emulator).</summary>
    public static TableClientOptions WithShortDelays(TimeSpan? networkTimeout = null)
    {
        var options = new TableClientOptions();
        TableRetry.Apply(options.Retry, Delay, MaxDelay, networkTimeout ?? TableRetry.NetworkTimeout);
        return options;
    }
}
