using System.Text;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// One background category's console logger: <c>warn: Category[EventId] message (ExceptionType: exception message)</c>
/// on a single line, since the host relays each line as a separate log message: every character a log viewer could
/// take for a line break or a bidi control (<see cref="SafeLogValue.IsUnsafe"/>) becomes a space.
/// </summary>
internal sealed class HostConsoleLogger(string category, HostConsoleLoggerProvider provider) : ILogger
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = new StringBuilder()
            .Append(LevelWord(logLevel)).Append(": ").Append(category).Append('[').Append(eventId.Id).Append("] ")
            .Append(formatter(state, exception));
        if (exception is not null)
        {
            line.Append(" (").Append(exception.GetType().Name).Append(": ").Append(exception.Message).Append(')');
        }

        provider.Write(logLevel, OneLine(line));
    }

    // The words of .NET's console logger; the host maps "warn" and "fail" on stderr to its own levels.
    private static string LevelWord(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private static string OneLine(StringBuilder line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (SafeLogValue.IsUnsafe(line[i]))
            {
                line[i] = ' ';
            }
        }

        return line.ToString();
    }
}
