namespace CorsFunctions.Scripts.Tests.Support;

/// <summary>
/// A stand-in for Azure Functions Core Tools (which cannot run here): <c>func --version</c> answers,
/// <c>func start</c> records what the real one would read (environment, arguments, folder, local.settings.json),
/// then serves nothing and waits until the test releases it, so the script's Azurite stays up meanwhile.
/// </summary>
internal sealed class StandInFunc : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        here="$(cd "$(dirname "$0")" && pwd)"
        case "${1:-}" in
          --version) echo "4.0.0-stand-in" ;;
          start)
            mkdir -p "$here/record.tmp"
            env -0 >"$here/record.tmp/environment"
            printf '%s\0' "$@" >"$here/record.tmp/arguments"
            pwd >"$here/record.tmp/directory"
            if [ -f local.settings.json ]; then cp local.settings.json "$here/record.tmp/local.settings.json"; fi
            mv "$here/record.tmp" "$here/record"
            for _ in $(seq 1 3000); do
              if [ -e "$here/release" ]; then exit 0; fi
              sleep 0.1
            done
            exit 3 ;;
          *) echo "stand-in func: unexpected arguments: $*" >&2; exit 2 ;;
        esac
        """;

    private readonly StandInTools _tools = new();

    public StandInFunc() => _tools.Add("func", Script);

    /// <summary>PATH with the stand-in first.</summary>
    public string PathFirst() => _tools.PathFirst();

    /// <summary>Whether <c>func start</c> was ever run.</summary>
    public bool Started => Directory.Exists(RecordDirectory);

    private string RecordDirectory => Path.Combine(_tools.Directory, "record");

    /// <summary>What <c>func start</c> saw, once it runs; null when the script ended without starting it.</summary>
    public async Task<FuncStartRecord?> WaitForStartAsync(ScriptProcess script, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Started)
        {
            if (script.HasExited)
            {
                return null;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"func start was not reached within {timeout.TotalSeconds} s.\n{script.Output}");
            }

            await Task.Delay(200);
        }

        return FuncStartRecord.Read(RecordDirectory);
    }

    /// <summary>Lets the waiting <c>func start</c> exit 0, as Core Tools does on Ctrl+C.</summary>
    public void Release() => File.WriteAllText(Path.Combine(_tools.Directory, "release"), "");

    public void Dispose()
    {
        Release();
        _tools.Dispose();
    }
}
