using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// What the real host would show of the worker's logs: invocation-scoped <c>RpcLog</c> messages and the worker's
/// console output, levelled as the host levels it. <c>RpcLog</c> messages of no invocation are dropped, as the host
/// drops them; <see cref="DroppedRpcLogs"/> counts them.
/// </summary>
internal sealed class HostLog
{
    private readonly ConcurrentQueue<HostLogEntry> _entries = new();
    private long _dropped;

    /// <summary>Worker log messages that belonged to no invocation and were dropped.</summary>
    public long DroppedRpcLogs => Interlocked.Read(ref _dropped);

    public IReadOnlyList<HostLogEntry> Entries => [.. _entries];

    /// <summary>Keeps an <c>RpcLog</c> only when it belongs to an invocation.</summary>
    public void AddRpcLog(string invocationId, LogLevel level, string category, string message)
    {
        if (invocationId.Length == 0)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _entries.Enqueue(new HostLogEntry(HostLogSource.Invocation, level, $"{category}: {message}"));
    }

    /// <summary>A stdout line: the host logs it at Information.</summary>
    public void AddStandardOutput(string line) => _entries.Enqueue(new HostLogEntry(HostLogSource.WorkerConsole, LogLevel.Information, line));

    /// <summary>
    /// A stderr line, levelled the way the host levels it: Warning when it contains "warn", Error when it contains
    /// "error", "fail" or "severe", Information otherwise (all case-insensitive).
    /// </summary>
    public void AddStandardError(string line)
    {
        var level = Contains(line, "warn") ? LogLevel.Warning
            : Contains(line, "error") || Contains(line, "fail") || Contains(line, "severe") ? LogLevel.Error
            : LogLevel.Information;
        _entries.Enqueue(new HostLogEntry(HostLogSource.WorkerConsole, level, line));
    }

    /// <summary>Waits until an entry matches <paramref name="match"/>; null when none did within <paramref name="timeout"/>.</summary>
    public async Task<HostLogEntry?> WaitForAsync(Func<HostLogEntry, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (_entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return _entries.FirstOrDefault(match);
    }

    private static bool Contains(string line, string word) => line.Contains(word, StringComparison.OrdinalIgnoreCase);
}
