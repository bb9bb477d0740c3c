using System.Text.Json;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>An app's build output as the worker SDK writes it: functions.metadata (with the library's CorsPreflight) and host.json.</summary>
internal static class AppFolders
{
    /// <summary>A new folder under <paramref name="parent"/> with one HTTP function per (name, route, method, authLevel); returns its path.</summary>
    public static string Create(string parent, string routePrefix, params (string Name, string Route, string Method, string? AuthLevel)[] functions)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "app-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var entries = functions.Select(f => Entry(f.Name, $"Sample.Api.{f.Name}Function.Run", f.Route, [f.Method], f.AuthLevel))
            .Append(Entry("CorsPreflight", "CorsFunctions.Worker.Preflight.PreflightFunction.Run", "{*path}", ["options"], "Anonymous"))
            .Append(Entry("CorsCheck", "CorsFunctions.Worker.Management.Functions.ManagementFunctions.CheckAsync", "cors-check", ["post"], "Admin"));
        File.WriteAllText(Path.Combine(folder, "functions.metadata"), JsonSerializer.Serialize(entries));
        File.WriteAllText(Path.Combine(folder, "host.json"), $$"""{ "version": "2.0", "extensions": { "http": { "routePrefix": "{{routePrefix}}" } } }""");
        return folder;
    }

    private static Dictionary<string, object> Entry(string name, string entryPoint, string route, string[] methods, string? authLevel)
    {
        var trigger = new Dictionary<string, object> { ["name"] = "request", ["direction"] = "In", ["type"] = "httpTrigger", ["methods"] = methods, ["route"] = route };
        if (authLevel is not null)
        {
            trigger["authLevel"] = authLevel;
        }

        return new()
        {
            ["name"] = name,
            ["scriptFile"] = "Sample.dll",
            ["entryPoint"] = entryPoint,
            ["language"] = "dotnet-isolated",
            ["bindings"] = new object[] { trigger, new Dictionary<string, object> { ["name"] = "$return", ["type"] = "http", ["direction"] = "Out" } },
        };
    }
}
