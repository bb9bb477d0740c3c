using System.Text.Json.Nodes;

namespace CorsFunctions.Infra.Tests.Support;

/// <summary>Small helpers to walk ARM JSON.</summary>
internal static class Json
{
    /// <summary>Every string value anywhere below <paramref name="node"/>, with its JSON path.</summary>
    public static IEnumerable<(string Path, string Value)> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var item in Strings(child))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var item in Strings(child))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (value.GetPath(), text);
                break;
            default:
                break;
        }
    }

    public static string? Str(this JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? Bool(this JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
}
