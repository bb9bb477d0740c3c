using Microsoft.Extensions.Time.Testing;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>A fake clock that records every timer the code under test starts, so tests can wait for it and read its delay.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly List<TimeSpan> _dueTimes = [];

    /// <summary>The delays of every timer started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> timers were started; returns the delay of the last one.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(int count)
    {
        for (var i = 0; i < 1000; i++)
        {
            var due = DueTimes;
            if (due.Count >= count)
            {
                return due[count - 1];
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"timer #{count} was never started; started: {string.Join(", ", DueTimes)}");
    }
}
