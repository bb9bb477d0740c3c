namespace CorsFunctions.Scripts.Tests.Support;

/// <summary>A temporary folder of small executables standing in for real tools, to put first on PATH.</summary>
internal sealed class StandInTools : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("corsfunctions-tools-").FullName;

    /// <summary>Writes the executable script <paramref name="name"/> (<paramref name="script"/> starts with its #! line); returns its path.</summary>
    public string Add(string name, string script)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>PATH with this folder first, then the test's own PATH.</summary>
    public string PathFirst() => Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
