namespace CorsFunctions.Cli.Tests.Support;

/// <summary>Policy files written to a temporary folder for one test class.</summary>
internal sealed class PolicyFiles : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("corsfunctions-cli-");

    /// <summary>The repository's sample file.</summary>
    public static string Samples => Path.Combine(Functions.Tests.Integration.AzuriteFixture.RepositoryRoot, "samples", "policies.json");

    public string Folder => _folder.FullName;

    /// <summary>Writes <paramref name="json"/> to a new file and returns its path.</summary>
    public string Write(string json)
    {
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A file of the given policy objects (JSON object texts).</summary>
    public string WithPolicies(params string[] policies) => Write($$"""{ "policies": [ {{string.Join(", ", policies)}} ] }""");

    public void Dispose() => _folder.Delete(recursive: true);
}
