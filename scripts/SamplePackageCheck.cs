// Fails when a sample app did not build from the packages just packed: it reads the sample's restore result
// (obj/project.assets.json) and its build output.
// - no library of the sample may be a project (a ProjectReference to src/ would hide a broken package);
// - every package in the feed must be restored as a package, at its version, with the hash of the feed's .nupkg
//   (not a stale copy from the global packages folder or a package of the same name from another source);
// - the build output's functions.metadata must list the library's own CorsPreflight function.
// Usage: dotnet run scripts/SamplePackageCheck.cs -- <sample folder> <feed folder>. Exit code 1 on a failure.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SamplePackageCheck <sample folder> <feed folder>");
    return 2;
}

var (sample, feed) = (args[0], args[1]);
var failures = new List<string>();
using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample, "obj", "project.assets.json")));
var libraries = assets.RootElement.GetProperty("libraries");

foreach (var library in libraries.EnumerateObject())
{
    if (library.Value.GetProperty("type").GetString() != "package")
    {
        failures.Add($"{library.Name} is restored as a {library.Value.GetProperty("type").GetString()}, not a package");
    }
}

foreach (var nupkg in Directory.EnumerateFiles(feed, "*.nupkg"))
{
    var (id, version) = Identity(nupkg);
    var key = $"{id}/{version}";
    if (!libraries.TryGetProperty(key, out var restored))
    {
        failures.Add($"{key} (packed in {feed}) is not among the sample's libraries");
        continue;
    }

    var packed = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(nupkg)));
    if (!restored.TryGetProperty("sha512", out var hash) || hash.GetString() != packed)
    {
        failures.Add($"{key} restored is not the package in {feed} (another source or a stale copy)");
    }
}

var metadata = Directory.EnumerateFiles(Path.Combine(sample, "bin"), "functions.metadata", SearchOption.AllDirectories).ToList();
if (metadata.Count == 0)
{
    failures.Add("no functions.metadata in the build output");
}

foreach (var file in metadata)
{
    using var functions = JsonDocument.Parse(File.ReadAllText(file));
    if (!functions.RootElement.EnumerateArray().Any(f => f.GetProperty("name").GetString() == "CorsPreflight"))
    {
        failures.Add($"{file} does not list the library's CorsPreflight function");
    }
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"{sample}: {failure}");
}

Console.WriteLine(failures.Count == 0 ? $"{sample}: built from the packed packages" : $"{sample}: {failures.Count} problems");
return failures.Count == 0 ? 0 : 1;

static (string Id, string Version) Identity(string nupkg)
{
    using var archive = ZipFile.OpenRead(nupkg);
    var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
    using var stream = nuspec.Open();
    var metadataElement = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string Value(string name) => metadataElement.Elements().Single(e => e.Name.LocalName == name).Value;
    return (Value("id"), Value("version"));
}
