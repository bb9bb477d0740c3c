using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsFunctions.App.Api;

/// <summary>Source-generated JSON for the sample API (web defaults: camelCase, case-insensitive reads).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(IReadOnlyList<Item>))]
[JsonSerializable(typeof(ItemBody))]
internal sealed partial class ItemsJsonContext : JsonSerializerContext;
