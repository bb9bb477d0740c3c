using System.Text.Json.Nodes;

namespace CorsFunctions.Infra.Tests.Support;

/// <summary>Finds the repository and the files scripts/bicep.sh compiles into infra/bin/.</summary>
internal static class RepoFiles
{
    public const string BicepVersion = "0.49.2";

    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string InfraBin => Path.Combine(Root, "infra", "bin");

    public static string CompiledMainTemplate => Path.Combine(InfraBin, "main.json");

    public static string SnapshotFolder => Path.Combine(InfraBin, "snapshots");

    public static string ScenarioFolder => Path.Combine(Root, "tests", "Infra.Tests", "Scenarios");

    public static string BicepCli => Path.Combine(
        Root, ".tools", "nuget", "azure.bicep.commandline.linux-x64", BicepVersion, "tools", "bicep");

    public static string Snapshot(string scenario) => Path.Combine(SnapshotFolder, scenario + ".snapshot.json");

    public static string CallerSnapshot(string caller) => Path.Combine(SnapshotFolder, "callers", caller + ".snapshot.json");

    /// <summary>Reads a file produced by scripts/bicep.sh; a missing file fails the test, never skips it.</summary>
    public static JsonNode ReadCompiled(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Compiled Bicep output '{Path.GetRelativePath(Root, path)}' is missing: run scripts/bicep.sh first " +
                "(it installs the Bicep CLI, lints infra/ and compiles the template and the test scenarios).",
                path);
        }

        return JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidDataException($"'{path}' holds no JSON.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorsFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding CorsFunctions.sln above '{AppContext.BaseDirectory}'.");
    }
}
