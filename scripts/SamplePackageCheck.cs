// Fails when a sample app did not build from the packages just packed: it reads the sample's restore result
// (obj/project.assets.json) and its build output.
// - no library of the sample may be a project (a ProjectReference to src/ would hide a broken package);
// - CorsFunctions.Core and CorsFunctions.Worker must be restored, and every package of the feed the sample restores must
//   be restored as a package, at its version, with the hash of the feed's .nupkg (not a stale copy from the global
//   packages folder or a package of the same name from another source);
// - the build output's functions.metadata must list the library's own CorsPreflight function, and the seven management
//   functions exactly when the sample references CorsFunctions.Worker.Management (the reference is the opt-in: without
//   it no cors-policies or cors-check route may exist).
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
        if (Required.Contains(id))
        {
            failures.Add($"{key} (packed in {feed}) is not among the sample's libraries");
        }

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

var management = libraries.EnumerateObject().Any(l => l.Name.StartsWith(ManagementPackage + "/", StringComparison.OrdinalIgnoreCase));
foreach (var file in metadata)
{
    using var functions = JsonDocument.Parse(File.ReadAllText(file));
    var all = functions.RootElement.EnumerateArray().ToList();
    if (!all.Any(f => f.GetProperty("name").GetString() == "CorsPreflight"))
    {
        failures.Add($"{file} does not list the library's CorsPreflight function");
    }

    var managementFunctions = all.Where(f => f.GetProperty("scriptFile").GetString() == ManagementPackage + ".dll" || IsManagementRoute(f))
        .Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
    var expected = management ? ManagementFunctions.Order(StringComparer.Ordinal).ToList() : [];
    if (!managementFunctions.SequenceEqual(expected))
    {
        failures.Add($"{file} lists the management functions [{string.Join(", ", managementFunctions)}], expected [{string.Join(", ", expected)}] " +
            $"(the sample {(management ? "references" : "does not reference")} {ManagementPackage})");
    }
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"{sample}: {failure}");
}

Console.WriteLine(failures.Count == 0 ? $"{sample}: built from the packed packages" : $"{sample}: {failures.Count} problems");
return failures.Count == 0 ? 0 : 1;

static bool IsManagementRoute(JsonElement function) =>
    function.GetProperty("bindings").EnumerateArray().Any(b => b.TryGetProperty("route", out var route)
        && route.GetString() is { } text && (text.StartsWith("cors-policies", StringComparison.OrdinalIgnoreCase) || text.StartsWith("cors-check", StringComparison.OrdinalIgnoreCase)));

static (string Id, string Version) Identity(string nupkg)
{
    using var archive = ZipFile.OpenRead(nupkg);
    var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
    using var stream = nuspec.Open();
    var metadataElement = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string Value(string name) => metadataElement.Elements().Single(e => e.Name.LocalName == name).Value;
    return (Value("id"), Value("version"));
}

internal static partial class Program
{
    /// <summary>The packages every sample restores.</summary>
    private static readonly HashSet<string> Required = new(["CorsFunctions.Core", "CorsFunctions.Worker"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The opt-in package whose reference adds the management functions.</summary>
    private const string ManagementPackage = "CorsFunctions.Worker.Management";

    /// <summary>The functions the management package adds (its README lists them).</summary>
    private static readonly string[] ManagementFunctions =
        ["CorsPoliciesList", "CorsPolicyGet", "CorsPolicyPut", "CorsPolicyDelete", "CorsPolicyHistory", "CorsPolicyRollback", "CorsCheck"];
}
