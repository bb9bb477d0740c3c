using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Writes the logs of the background policy work to the worker's console, one line per event. The Functions host
/// drops worker log messages that belong to no invocation, but relays the worker process's stdout and stderr as its
/// own log lines (category <c>Host.Function.Console</c>), so this is how a load, a failed reload, a cold start that
/// fails closed, an invalid policy or a start-up setup warning reaches Core Tools and the host's output. Other categories are left alone:
/// invocation logs already reach the host through the worker's log stream. Configurable under the alias
/// <c>CorsFunctionsConsole</c> (e.g. <c>Logging__CorsFunctionsConsole__LogLevel__Default=None</c> turns it off).
/// </summary>
[ProviderAlias("CorsFunctionsConsole")]
internal sealed class HostConsoleLoggerProvider(TextWriter standardOutput, TextWriter standardError) : ILoggerProvider
{
    /// <summary>The categories that log outside any invocation.</summary>
    public static readonly IReadOnlySet<string> BackgroundCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        typeof(PolicySnapshotLoader).FullName!,
        typeof(PolicySnapshotReporter).FullName!,
        typeof(CorsSetupDiagnostics).FullName!,
    };

    private readonly Lock _writing = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        BackgroundCategories.Contains(categoryName) ? new HostConsoleLogger(categoryName, this) : NullLogger.Instance;

    /// <summary>
    /// Writes one line: Information and below to stdout; Warning and above to stderr, where the host reads the level
    /// from the words <c>warn</c> and <c>fail</c> that start the line.
    /// </summary>
    public void Write(LogLevel level, string line)
    {
        var writer = level >= LogLevel.Warning ? standardError : standardOutput;
        lock (_writing)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    public void Dispose()
    {
        // The console writers belong to the process.
    }
}
