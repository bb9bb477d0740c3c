using System.Collections.Concurrent;
using System.Diagnostics;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// Every process the suite starts, killed with its whole tree on dispose and, as a backstop, when the test
/// process exits (a failed fixture or an aborted run must not leave a worker or Azurite behind).
/// </summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ChildProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            Kill(process);
        }
    };

    /// <summary>
    /// Starts <paramref name="startInfo"/>, sending each stdout line to <paramref name="onOutput"/> and each stderr line
    /// to <paramref name="onError"/> (to <paramref name="onOutput"/> when none is given).
    /// </summary>
    public static Process Start(ProcessStartInfo startInfo, Action<string> onOutput, Action<string>? onError = null)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data, onOutput);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, onError ?? onOutput);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills <paramref name="process"/> and its descendants and forgets it.</summary>
    public static void Stop(Process process)
    {
        Running.TryRemove(process.Id, out _);
        Kill(process);
        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing left to stop.
        }
    }

    private static void Forward(string? line, Action<string> onOutput)
    {
        if (line is not null)
        {
            onOutput(line);
        }
    }
}
