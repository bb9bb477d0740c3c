using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace CorsFunctions.Scripts.Tests.Support;

/// <summary>What a <c>func start</c> was handed: its environment, arguments, folder and local.settings.json values.</summary>
internal sealed record FuncStartRecord(
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> LocalSettings)
{
    public static FuncStartRecord Read(string directory)
    {
        var environment = SplitNul(File.ReadAllText(Path.Combine(directory, "environment")))
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);
        var settingsFile = Path.Combine(directory, "local.settings.json");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(settingsFile))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(settingsFile));
            if (json.RootElement.TryGetProperty("Values", out var values))
            {
                foreach (var value in values.EnumerateObject())
                {
                    settings[value.Name] = value.Value.ToString();
                }
            }
        }

        return new FuncStartRecord(
            environment,
            SplitNul(File.ReadAllText(Path.Combine(directory, "arguments"))),
            File.ReadAllText(Path.Combine(directory, "directory")).Trim(),
            settings);
    }

    /// <summary>
    /// The configuration the worker would read: Core Tools copies each local.settings.json value into the
    /// environment only when that variable is unset or empty, and the worker reads environment variables
    /// (<c>__</c> separating sections).
    /// </summary>
    public IConfiguration AppConfiguration()
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in LocalSettings)
        {
            merged[name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in Environment.Where(variable => variable.Value.Length > 0))
        {
            merged[name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
    }

    private static string[] SplitNul(string text) => text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
