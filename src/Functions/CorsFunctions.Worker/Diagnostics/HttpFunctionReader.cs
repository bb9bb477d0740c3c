using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Reads the app's HTTP functions from the metadata the worker reports to the host (each binding is the JSON the
/// host reads: <c>{"type": "httpTrigger", "methods": [...], "route": "..."}</c>), leaving out this library's own.
/// </summary>
internal static class HttpFunctionReader
{
    private const string HttpTriggerType = "httpTrigger";

    /// <summary>The HTTP functions the app itself defines, in metadata order.</summary>
    public static IReadOnlyList<HttpFunction> Read(IEnumerable<IFunctionMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var functions = new List<HttpFunction>();
        foreach (var function in metadata)
        {
            if (function.Name is { } name && !IsOwnFunction(function.EntryPoint) && Trigger(name, function.RawBindings) is { } http)
            {
                functions.Add(http);
            }
        }

        return functions;
    }

    /// <summary>The library's other package with functions of its own (the opt-in management API), when the app references it.</summary>
    private const string ManagementAssembly = "CorsFunctions.Worker.Management";

    /// <summary>
    /// Whether the entry point (<c>Namespace.Type.Method</c>) is a type of this library: of this assembly (CorsPreflight)
    /// or of the management package.
    /// </summary>
    private static bool IsOwnFunction(string? entryPoint)
    {
        var typeEnd = entryPoint?.LastIndexOf('.') ?? -1;
        return typeEnd > 0 && (typeof(HttpFunctionReader).Assembly.GetType(entryPoint![..typeEnd]) is not null
            || Type.GetType($"{entryPoint[..typeEnd]}, {ManagementAssembly}", throwOnError: false) is not null);
    }

    private static HttpFunction? Trigger(string name, IList<string>? rawBindings)
    {
        foreach (var raw in rawBindings ?? [])
        {
            try
            {
                using var binding = JsonDocument.Parse(raw);
                var root = binding.RootElement;
                if (root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("type", out var type) && string.Equals(type.GetString(), HttpTriggerType, StringComparison.OrdinalIgnoreCase))
                {
                    var route = root.TryGetProperty("route", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    return new HttpFunction(name, string.IsNullOrWhiteSpace(route) ? name : route, Methods(root), AuthLevel(root));
                }
            }
            catch (JsonException)
            {
                // Not a binding the host could read either: nothing to check.
            }
        }

        return null;
    }

    /// <summary>The trigger's auth level: written as the enum's name; a number is the enum's value, 0 being anonymous.</summary>
    private static string AuthLevel(JsonElement binding) =>
        !binding.TryGetProperty("authLevel", out var level) ? HttpFunction.DefaultAuthLevel : level.ValueKind switch
        {
            JsonValueKind.String => level.GetString() ?? HttpFunction.DefaultAuthLevel,
            JsonValueKind.Number => level.TryGetInt32(out var value) && value == 0 ? "anonymous" : level.GetRawText(),
            _ => HttpFunction.DefaultAuthLevel,
        };

    private static string[] Methods(JsonElement binding) =>
        binding.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? [.. methods.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
            : [];
}
