using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>
/// Maps an audit entry to its table row and back: PartitionKey = <c>{policy set}~{policy id}</c> (an id never holds
/// <c>~</c>), RowKey = the version in ten digits so rows sort in write order, definitions as JSON split over
/// properties of at most 32K characters (<c>Before</c>, <c>Before_1</c>...). Reading never guesses: a field that is
/// missing, of the wrong type or inconsistent with the action is a problem of that row, never a default.
/// </summary>
internal static class PolicyAuditRow
{
    private const int ChunkLength = 32 * 1024;
    private const string Before = "Before";
    private const string After = "After";

    /// <summary>The partition of <paramref name="policyId"/>'s entries.</summary>
    public static string PartitionOf(string policySet, string policyId) => $"{policySet}~{policyId}";

    /// <summary>The key of version <paramref name="version"/>.</summary>
    public static string RowKeyOf(int version) => version.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The version a key names, or null for a key that is not ten digits.</summary>
    public static int? VersionOf(string? rowKey) =>
        rowKey is { Length: 10 } && int.TryParse(rowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;

    /// <summary>The row of <paramref name="entry"/>, its hash computed over exactly what the row stores.</summary>
    public static (TableEntity Entity, PolicyAuditEntry Stored) ToEntity(string policySet, PolicyAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (before, after) = (Json(entry.Before), Json(entry.After));
        var stored = entry with { Hash = PolicyAuditHash.Compute(policySet, entry, before, after) };
        var entity = new TableEntity(PartitionOf(policySet, entry.PolicyId), RowKeyOf(entry.Version))
        {
            ["PolicyId"] = entry.PolicyId,
            ["Version"] = entry.Version,
            ["Action"] = entry.Action.ToString(),
            ["At"] = entry.At,
            ["WriterKind"] = entry.Writer.Kind,
            ["WriterName"] = entry.Writer.Name,
            ["WriterId"] = entry.Writer.Id,
            ["WriterAuthenticationType"] = entry.Writer.AuthenticationType,
            ["WriterTenantId"] = entry.Writer.TenantId,
            ["Source"] = entry.Writer.Source,
            ["BeforeETag"] = entry.BeforeETag,
            ["AfterETag"] = entry.AfterETag,
            ["RestoredVersion"] = entry.RestoredVersion,
            ["PreviousHash"] = stored.PreviousHash,
            ["Hash"] = stored.Hash,
            ["HashFormat"] = PolicyAuditHash.FormatVersion,
        };
        WriteChunks(entity, Before, before);
        WriteChunks(entity, After, after);
        return (entity, stored);
    }

    /// <summary>Reads one row of <paramref name="policyId"/>'s partition, with every problem it has.</summary>
    public static AuditRow Read(string policySet, string policyId, TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var rowKey = entity.RowKey ?? "";
        if (VersionOf(rowKey) is not { } version)
        {
            return new AuditRow(rowKey, null, null, null,
                [new AuditProblem(null, SafeLogValue.Bound(rowKey), "is not an audit entry (its key is not a ten-digit version); skipped.")]);
        }

        var reader = new Reader(entity, version, rowKey);
        var storedVersion = reader.Int("Version", required: true);
        if (storedVersion is { } number && number != version)
        {
            reader.Problem($"Version holds {number}, but the row key says {version}.");
        }

        if (reader.Text("PolicyId", required: true) is { } id && !string.Equals(id, policyId, StringComparison.Ordinal))
        {
            reader.Problem($"PolicyId holds '{SafeLogValue.Bound(id)}', not '{policyId}'.");
        }

        var action = reader.Action();
        var at = reader.Time("At");
        var writer = new PolicyWriter(reader.Text("WriterKind", required: true) ?? "", reader.Text("WriterName", required: true) ?? "",
            reader.Text("WriterId"), reader.Text("Source", required: true) ?? "", reader.Text("WriterAuthenticationType"), reader.Text("WriterTenantId"));
        var (beforeJson, beforeDefinition) = reader.Definition(Before);
        var (afterJson, afterDefinition) = reader.Definition(After);
        var restored = reader.Int("RestoredVersion", required: false);
        var entry = new PolicyAuditEntry(policyId, version, action ?? default, at ?? default, writer, beforeDefinition, afterDefinition,
            reader.Text("BeforeETag"), reader.Text("AfterETag"), restored, reader.Text("PreviousHash"), reader.Text("Hash"));
        reader.CheckConsistency(entry, action);
        reader.CheckHashFields(entry);
        return reader.Problems.Count > 0
            ? new AuditRow(rowKey, version, null, null, reader.Problems)
            : new AuditRow(rowKey, version, entry, PolicyAuditHash.Compute(policySet, entry, beforeJson, afterJson), []);
    }

    private static string? Json(CorsPolicyDefinition? definition) => definition is null ? null : PolicyAuditJson.Serialize(definition);

    private static void WriteChunks(TableEntity entity, string name, string? json)
    {
        if (json is null)
        {
            return;
        }

        for (int offset = 0, index = 0; offset < json.Length; offset += ChunkLength, index++)
        {
            entity[ChunkName(name, index)] = json.Substring(offset, Math.Min(ChunkLength, json.Length - offset));
        }
    }

    private static string ChunkName(string name, int index) => index == 0 ? name : $"{name}_{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads the typed cells of one row, collecting a problem for each instead of throwing or defaulting.</summary>
    private sealed class Reader(TableEntity entity, int version, string rowKey)
    {
        public List<AuditProblem> Problems { get; } = [];

        public void Problem(string message) => Problems.Add(new AuditProblem(version, rowKey, message));

        public string? Text(string field, bool required = false) => Value(field, required) switch
        {
            null => null,
            string text when required && text.Length == 0 => Missing<string>(field),
            string text => text,
            var other => WrongType<string>(field, other, "a String"),
        };

        public int? Int(string field, bool required) => Value(field, required) switch
        {
            null => null,
            int number => number,
            var other => WrongType<int?>(field, other, "an Int32"),
        };

        public DateTimeOffset? Time(string field) => Value(field, required: true) switch
        {
            null => null,
            DateTimeOffset time => time,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            var other => WrongType<DateTimeOffset?>(field, other, "a DateTime"),
        };

        public PolicyAuditAction? Action()
        {
            var text = Text("Action", required: true);
            if (text is null)
            {
                return null;
            }

            if (Enum.GetNames<PolicyAuditAction>().Contains(text, StringComparer.Ordinal))
            {
                return Enum.Parse<PolicyAuditAction>(text);
            }

            Problem($"Action holds '{SafeLogValue.Bound(text)}', which is none of {string.Join(", ", Enum.GetNames<PolicyAuditAction>())}.");
            return null;
        }

        /// <summary>The stored JSON of a definition (its chunks in order, with no gap) and the definition it holds.</summary>
        public (string? Json, CorsPolicyDefinition? Definition) Definition(string name)
        {
            var chunks = ChunkKeys(name);
            if (chunks.Count == 0)
            {
                return (null, null);
            }

            var json = new StringBuilder();
            for (var index = 0; index < chunks.Count; index++)
            {
                var chunkName = ChunkName(name, index);
                if (!entity.TryGetValue(chunkName, out var chunk))
                {
                    Problem($"{name} is split over {chunks.Count} properties but {chunkName} is missing ({string.Join(", ", chunks.Order(StringComparer.Ordinal))} are there).");
                    return (null, null);
                }

                if (chunk is not string text)
                {
                    WrongType<string>(chunkName, chunk, "a String");
                    return (null, null);
                }

                json.Append(text);
            }

            try
            {
                var definition = JsonSerializer.Deserialize<CorsPolicyDefinition>(json.ToString(), PolicyAuditJson.Options);
                if (definition is not null)
                {
                    return (json.ToString(), definition);
                }
            }
            catch (JsonException e)
            {
                Problem($"{name} is not a policy definition in JSON ({e.Message}).");
                return (null, null);
            }

            Problem($"{name} holds JSON null instead of a policy definition.");
            return (null, null);
        }

        /// <summary>What the action implies: a put or rollback leaves a definition, a delete leaves none; only a rollback restores a version.</summary>
        /// <remarks>A definition that is stored but unreadable is already a problem of its own, so only presence counts here.</remarks>
        public void CheckConsistency(PolicyAuditEntry entry, PolicyAuditAction? action)
        {
            switch (action)
            {
                case PolicyAuditAction.Delete when ChunkKeys(After).Count > 0:
                    Problem("is a Delete but holds a definition After.");
                    break;
                case PolicyAuditAction.Delete when ChunkKeys(Before).Count == 0:
                    Problem("is a Delete but holds no definition Before.");
                    break;
                case PolicyAuditAction.Put or PolicyAuditAction.Rollback when ChunkKeys(After).Count == 0:
                    Problem($"is a {action} but holds no definition After.");
                    break;
            }

            if (action == PolicyAuditAction.Rollback && entry.RestoredVersion is not > 0)
            {
                Problem("is a Rollback but names no RestoredVersion.");
            }
            else if (action is PolicyAuditAction.Put or PolicyAuditAction.Delete && entry.RestoredVersion is not null)
            {
                Problem($"is a {action} but names a RestoredVersion.");
            }
        }

        public void CheckHashFields(PolicyAuditEntry entry)
        {
            var format = Int("HashFormat", required: false);
            if (entry.Hash is null)
            {
                return;
            }

            if (format != PolicyAuditHash.FormatVersion)
            {
                Problem($"has a Hash in format {(format is null ? "(none)" : format.Value.ToString(CultureInfo.InvariantCulture))}; this version reads format {PolicyAuditHash.FormatVersion}.");
            }
        }

        /// <summary>The properties a definition named <paramref name="name"/> is split over (<c>After</c>, <c>After_1</c>...), as the row holds them.</summary>
        private List<string> ChunkKeys(string name) =>
            [.. entity.Keys.Where(key => key == name || (key.StartsWith(name + "_", StringComparison.Ordinal) && key.Length > name.Length + 1))];

        private object? Value(string field, bool required)
        {
            if (entity.TryGetValue(field, out var value) && value is not null)
            {
                return value;
            }

            return required ? Missing<object>(field) : null;
        }

        private T? Missing<T>(string field)
        {
            Problem($"{field} is missing.");
            return default;
        }

        private T? WrongType<T>(string field, object value, string type)
        {
            Problem($"{field} holds {value.GetType().Name} '{SafeLogValue.Bound(Convert.ToString(value, CultureInfo.InvariantCulture))}' instead of {type}.");
            return default;
        }
    }
}
