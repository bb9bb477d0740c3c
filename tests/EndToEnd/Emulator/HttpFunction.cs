using System.Text.Json;
using CorsFunctions.EndToEnd.Emulator.Rpc;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>An HTTP-triggered function as the host indexes it from the metadata the worker returned.</summary>
/// <param name="Id">The function id the worker loaded it under.</param>
/// <param name="Name">The function name.</param>
/// <param name="TriggerParameter">The binding name the worker expects the request under (e.g. <c>req</c>).</param>
/// <param name="Route">The full route template, prefix included.</param>
/// <param name="Methods">The methods it accepts, upper case; null when the trigger lists none (every method).</param>
/// <param name="AuthLevel">The key it requires.</param>
internal sealed record HttpFunction(
    string Id, string Name, string TriggerParameter, RouteTemplate Route, IReadOnlySet<string>? Methods, AuthLevel AuthLevel)
{
    public bool Accepts(string method) => Methods is null || Methods.Contains(method);

    /// <summary>Reads the <c>httpTrigger</c> binding of <paramref name="metadata"/>; null for other triggers.</summary>
    public static HttpFunction? FromMetadata(RpcFunctionMetadata metadata, string routePrefix)
    {
        foreach (var raw in metadata.RawBindings)
        {
            using var document = JsonDocument.Parse(raw);
            var binding = document.RootElement;
            if (!string.Equals(Text(binding, "type"), "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            IReadOnlySet<string>? methods = binding.TryGetProperty("methods", out var list) && list.GetArrayLength() > 0
                ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal)
                : null;
            var authLevel = Enum.Parse<AuthLevel>(Text(binding, "authLevel") ?? nameof(AuthLevel.Function), ignoreCase: true);
            var route = RouteTemplate.Parse(routePrefix, Text(binding, "route") ?? metadata.Name);
            return new HttpFunction(metadata.FunctionId, metadata.Name, Text(binding, "name")!, route, methods, authLevel);
        }

        return null;
    }

    private static string? Text(JsonElement binding, string property)
    {
        foreach (var candidate in binding.EnumerateObject())
        {
            if (string.Equals(candidate.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                return candidate.Value.GetString();
            }
        }

        return null;
    }
}
