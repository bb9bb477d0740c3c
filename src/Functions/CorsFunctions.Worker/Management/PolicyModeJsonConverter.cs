using System.Text.Json;
using System.Text.Json.Serialization;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Reads and writes a <see cref="PolicyMode"/> as <c>"enforce"</c> or <c>"reportOnly"</c>; any other value (a number,
/// a typo) is malformed JSON, so it is refused with its JSON path instead of silently enforcing.
/// </summary>
internal sealed class PolicyModeJsonConverter : JsonConverter<PolicyMode>
{
    /// <inheritdoc />
    public override PolicyMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PolicyModeText.TryParse(reader.GetString(), out var mode)
            ? mode
            : throw new JsonException($"The mode must be \"{PolicyModeText.Enforce}\" or \"{PolicyModeText.ReportOnly}\".");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PolicyMode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(PolicyModeText.Format(value));
    }
}
