using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// How audit entries and the definitions in them are written as JSON: camelCase, enums by name, and only the escaping
/// JSON itself needs. This text is stored and logged, never embedded in HTML, so <c>&lt;</c>, <c>&amp;</c>,
/// <c>+</c> and non-ASCII stay one character each instead of six (which once made a valid policy's audit row
/// outgrow the 1 MiB a table entity holds).
/// </summary>
internal static class PolicyAuditJson
{
    /// <summary>The serializer options of the audit log.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The whole entry as one line of JSON, for the log when the audit table cannot be written.</summary>
    public static string Serialize(PolicyAuditEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>A definition as the audit row stores it (and its hash covers it).</summary>
    public static string Serialize(CorsPolicyDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
