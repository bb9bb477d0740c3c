using Azure.Core;
using Azure.Data.Tables;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// How every table call is retried, by the app and the <c>corsfunctions</c> CLI alike: the SDK retries a transient
/// failure of each call (the refresher's own schedule covers longer outages). One place, so that what the CLI and
/// the tests see of an outage (several attempts, then one <see cref="AggregateException"/>) is what the app sees.
/// </summary>
internal static class TableRetry
{
    /// <summary>Retries after the first attempt of a call.</summary>
    public const int MaxRetries = 3;

    /// <summary>The first delay between attempts, doubled for each next one.</summary>
    public static TimeSpan Delay { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between attempts.</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may wait for the network.</summary>
    public static TimeSpan NetworkTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Sets the production retries on <paramref name="retry"/>.</summary>
    public static void Apply(RetryOptions retry) => Apply(retry, Delay, MaxDelay, NetworkTimeout);

    /// <summary>
    /// The production retries (mode and count) with other timings: the tests keep every attempt and only shorten the waits.
    /// </summary>
    public static void Apply(RetryOptions retry, TimeSpan delay, TimeSpan maxDelay, TimeSpan networkTimeout)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = MaxRetries;
        retry.Delay = delay;
        retry.MaxDelay = maxDelay;
        retry.NetworkTimeout = networkTimeout;
    }

    /// <summary>New client options with the production retries.</summary>
    public static TableClientOptions CreateOptions()
    {
        var options = new TableClientOptions();
        Apply(options.Retry);
        return options;
    }
}
