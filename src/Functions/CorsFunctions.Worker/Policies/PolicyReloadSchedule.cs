using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// When the next reload is due: every <see cref="CorsPolicyOptions.RefreshSeconds"/> once a snapshot is loaded;
/// before that a capped exponential backoff, so a cold start retries quickly without hammering the store. A reload reads
/// the whole set only when the change marker moved or <see cref="CorsPolicyOptions.FullReloadMinutes"/> passed.
/// </summary>
internal sealed class PolicyReloadSchedule(IOptions<CorsPolicyOptions> options)
{
    /// <summary>The first retry delay after a failed cold start; it doubles up to <see cref="MaxColdStartBackoff"/>.</summary>
    public static readonly TimeSpan FirstColdStartBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between cold-start attempts (never longer than the refresh interval).</summary>
    public static readonly TimeSpan MaxColdStartBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The refresh interval once loaded; before that 1 s, 2 s, 4 s... capped at 30 s and at the interval.</summary>
    public TimeSpan NextDelay(bool loaded, int consecutiveFailures)
    {
        var interval = options.Value.RefreshInterval;
        if (loaded)
        {
            return interval;
        }

        var doublings = Math.Min(Math.Max(consecutiveFailures - 1, 0), 16);
        var backoff = FirstColdStartBackoff * (1L << doublings);
        return TimeSpan.FromTicks(Math.Min(backoff.Ticks, Math.Min(MaxColdStartBackoff.Ticks, interval.Ticks)));
    }

    /// <summary>Whether a reload must read every row even though the change marker did not move: the last full read is too old.</summary>
    public bool FullReloadDue(DateTimeOffset lastFullLoad, DateTimeOffset now) => now - lastFullLoad >= options.Value.FullReloadInterval;
}
