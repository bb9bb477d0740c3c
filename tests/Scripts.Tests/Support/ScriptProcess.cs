using System.Diagnostics;
using System.Text;

namespace CorsFunctions.Scripts.Tests.Support;

/// <summary>
/// One <c>bash scripts/NAME.sh</c> run from the repository root with extra environment variables, its output
/// collected; killed with its whole process tree when disposed (a test that fails never leaves Azurite running).
/// </summary>
internal sealed class ScriptProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ScriptProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_stdout, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_stderr, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>Everything the script printed so far, for failure messages.</summary>
    public string Output => $"exit: {(_process.HasExited ? _process.ExitCode : "running")}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    public static ScriptProcess Start(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Repository.PathOf("scripts", script), .. arguments])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        // The test host's MSBuild variables would steer the scripts' own dotnet commands.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ScriptProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash {script}."));
    }

    /// <summary>Runs a script to its end and returns its exit code.</summary>
    public static async Task<(int ExitCode, ScriptProcess Run)> RunAsync(
        string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var run = Start(script, environment, arguments);
        try
        {
            return (await run.WaitForExitAsync(timeout), run);
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The script did not end within {timeout.TotalSeconds} s.\n{Output}");
        }

        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
