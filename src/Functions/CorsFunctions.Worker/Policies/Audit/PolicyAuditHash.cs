using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// The hash that chains the audit log: SHA-256, in lower-case hex, over a canonical JSON object of every stored field
/// of one entry in a fixed order (the policy set and id, version, action, time, writer, ETags, restored version, the
/// definitions as the row stores their JSON, and the previous entry's hash). The definitions are hashed as stored
/// text, not re-serialized, so a field added to the model later leaves old hashes valid. <see cref="FormatVersion"/>
/// names this canonical form; a row records the form its hash was computed with.
/// </summary>
internal static class PolicyAuditHash
{
    /// <summary>The canonical form described above.</summary>
    public const int FormatVersion = 1;

    /// <summary>The hash of <paramref name="entry"/> (its <see cref="PolicyAuditEntry.Hash"/> is not part of it).</summary>
    /// <param name="policySet">The policy set the entry belongs to, so an entry cannot be moved to another set or policy unnoticed.</param>
    /// <param name="entry">The entry, with its <see cref="PolicyAuditEntry.PreviousHash"/>.</param>
    /// <param name="beforeJson">The stored JSON of the definition before; null when there was none.</param>
    /// <param name="afterJson">The stored JSON of the definition after; null after a delete.</param>
    public static string Compute(string policySet, PolicyAuditEntry entry, string? beforeJson, string? afterJson)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = PolicyAuditJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteString("policySet", policySet);
            json.WriteString("policyId", entry.PolicyId);
            json.WriteNumber("version", entry.Version);
            json.WriteString("action", entry.Action.ToString());
            json.WriteString("at", entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("writerKind", entry.Writer.Kind);
            json.WriteString("writerName", entry.Writer.Name);
            json.WriteString("writerId", entry.Writer.Id);
            json.WriteString("writerAuthenticationType", entry.Writer.AuthenticationType);
            json.WriteString("writerTenantId", entry.Writer.TenantId);
            json.WriteString("source", entry.Writer.Source);
            json.WriteString("beforeETag", entry.BeforeETag);
            json.WriteString("afterETag", entry.AfterETag);
            if (entry.RestoredVersion is { } restored)
            {
                json.WriteNumber("restoredVersion", restored);
            }
            else
            {
                json.WriteNull("restoredVersion");
            }

            json.WriteString("before", beforeJson);
            json.WriteString("after", afterJson);
            json.WriteString("previousHash", entry.PreviousHash);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
