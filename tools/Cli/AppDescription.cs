using System.Text.Json;
using CorsFunctions.Core.Lint;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace CorsFunctions.Cli;

/// <summary>
/// What the tool knows of the app a policy set is for, read from its build or publish output as the host reads it:
/// the route prefix from <c>host.json</c>, the HTTP functions from <c>functions.metadata</c> (the worker SDK's list,
/// the library's own functions left out as at start-up), each with the key it needs.
/// </summary>
/// <param name="RoutePrefix">The host's route prefix, without slashes.</param>
/// <param name="Functions">The app's HTTP functions, each with its trigger's auth level.</param>
internal sealed record AppDescription(string RoutePrefix, IReadOnlyList<HttpFunction> Functions)
{
    public const string MetadataFile = "functions.metadata";

    private const string ManagementNamespace = "CorsFunctions.Worker.Management.";

    /// <summary>What <see cref="PolicyLinter"/> checks the policies against.</summary>
    public PolicyLintContext LintContext => AppLintContext.From(Functions, RoutePrefix);

    /// <summary>Reads the app in <paramref name="folder"/>; a folder without a readable <c>functions.metadata</c> is a usage error.</summary>
    public static AppDescription Read(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var metadataPath = Path.Combine(folder.FullName, MetadataFile);
        var hostJsonPath = Path.Combine(folder.FullName, "host.json");
        try
        {
            using var metadata = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
            // The management package's functions are the library's too; this tool does not load that package to tell them apart.
            var entries = metadata.RootElement.EnumerateArray().Select(ToMetadata)
                .Where(e => e.EntryPoint?.StartsWith(ManagementNamespace, StringComparison.Ordinal) != true).ToList();
            var prefix = HostRoutePrefix.Read(null, File.Exists(hostJsonPath) ? File.ReadAllText(hostJsonPath) : null);
            return new AppDescription(prefix, HttpFunctionReader.Read(entries));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--app {folder.FullName}: {MetadataFile} cannot be read ({e.Message}); give the app's build or publish folder " +
                "(bin/Release/net10.0), where the worker SDK writes it.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new CliException($"--app {folder.FullName}: {MetadataFile} is not the worker SDK's function list ({OneLine.Of(e.Message)}).");
        }
    }

    /// <summary>One entry of <c>functions.metadata</c> as the worker reports it to the host: each binding as its JSON text.</summary>
    private static DefaultFunctionMetadata ToMetadata(JsonElement entry) => new()
    {
        Name = entry.GetProperty("name").GetString(),
        EntryPoint = entry.TryGetProperty("entryPoint", out var entryPoint) ? entryPoint.GetString() : null,
        RawBindings = entry.TryGetProperty("bindings", out var bindings) ? [.. bindings.EnumerateArray().Select(b => b.GetRawText())] : [],
    };
}
