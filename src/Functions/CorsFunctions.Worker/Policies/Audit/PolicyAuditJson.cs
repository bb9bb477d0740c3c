using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>How audit entries and the definitions in them are written as JSON (camelCase, enums by name).</summary>
internal static class PolicyAuditJson
{
    /// <summary>The serializer options of the audit log.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The whole entry as one line of JSON, for the log when the audit table cannot be written.</summary>
    public static string Serialize(PolicyAuditEntry entry) => JsonSerializer.Serialize(entry, Options);
}
