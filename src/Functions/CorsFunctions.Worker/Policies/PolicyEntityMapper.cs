using Azure.Data.Tables;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Maps a table row to a <see cref="CorsPolicyDefinition"/> and back. Reading never throws: a property stored
/// with the wrong type becomes a <see cref="PolicyError"/> that makes the policy invalid. Lists are
/// comma-separated strings so operators can edit rows by hand; booleans and numbers are typed, but their
/// exact text (<c>true</c>, <c>600</c>) is accepted too because Storage Explorer stores new columns as strings.
/// </summary>
internal static class PolicyEntityMapper
{
    /// <summary>
    /// The audit version of the row's last write through the write pipeline. Conditional writes serialize on the row's
    /// ETag, so the number each writer reads here and stores plus one orders the audit log exactly as the writes happened.
    /// </summary>
    public const string AuditVersionProperty = "AuditVersion";

    /// <summary>Every property this app reads and writes; other properties of a row are left alone.</summary>
    public static IReadOnlySet<string> KnownProperties { get; } = new HashSet<string>(
        [
            nameof(CorsPolicyDefinition.Routes), nameof(CorsPolicyDefinition.AllowedOrigins), nameof(CorsPolicyDefinition.AllowedMethods),
            nameof(CorsPolicyDefinition.AllowedHeaders), nameof(CorsPolicyDefinition.ExposedHeaders),
            nameof(CorsPolicyDefinition.AllowCredentials), nameof(CorsPolicyDefinition.MaxAgeSeconds), nameof(CorsPolicyDefinition.AllowPrivateNetwork),
            nameof(CorsPolicyDefinition.Enabled), nameof(CorsPolicyDefinition.Mode), nameof(CorsPolicyDefinition.Debug), nameof(CorsPolicyDefinition.Description),
            nameof(CorsPolicyDefinition.AllowNullOrigin), nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins),
            nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards), AuditVersionProperty,
        ],
        StringComparer.Ordinal);

    /// <summary>Reads a row; the id is the RowKey.</summary>
    public static StoredPolicy Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var reader = new PolicyRowReader(entity);
        var definition = new CorsPolicyDefinition
        {
            Id = entity.RowKey ?? "",
            Routes = reader.List(nameof(CorsPolicyDefinition.Routes)),
            AllowedOrigins = reader.List(nameof(CorsPolicyDefinition.AllowedOrigins)),
            AllowedMethods = reader.List(nameof(CorsPolicyDefinition.AllowedMethods)),
            AllowedHeaders = reader.List(nameof(CorsPolicyDefinition.AllowedHeaders)),
            ExposedHeaders = reader.List(nameof(CorsPolicyDefinition.ExposedHeaders)),
            AllowCredentials = reader.Bool(nameof(CorsPolicyDefinition.AllowCredentials)) ?? false,
            MaxAgeSeconds = reader.Int(nameof(CorsPolicyDefinition.MaxAgeSeconds)),
            AllowPrivateNetwork = reader.Bool(nameof(CorsPolicyDefinition.AllowPrivateNetwork)) ?? false,
            Enabled = reader.Bool(nameof(CorsPolicyDefinition.Enabled)) ?? true,
            Mode = reader.Mode(nameof(CorsPolicyDefinition.Mode)),
            Debug = reader.Bool(nameof(CorsPolicyDefinition.Debug)) ?? false,
            Description = reader.Text(nameof(CorsPolicyDefinition.Description)),
            AllowNullOrigin = reader.Bool(nameof(CorsPolicyDefinition.AllowNullOrigin)) ?? false,
            DangerouslyAllowInsecureOrigins = reader.Bool(nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins)) ?? false,
            DangerouslyAllowPublicSuffixWildcards = reader.Bool(nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards)) ?? false,
        };
        return new StoredPolicy(definition, reader.Errors, entity.ETag, AuditVersionOf(entity));
    }

    /// <summary>
    /// Builds the row for <paramref name="definition"/> written as audit version <paramref name="auditVersion"/> (0:
    /// none), carrying over the properties of <paramref name="existing"/> that this app does not know (an operator's
    /// own columns survive a write).
    /// </summary>
    public static TableEntity ToEntity(string policySet, CorsPolicyDefinition definition, TableEntity? existing, int auditVersion)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var entity = new TableEntity(policySet, definition.Id);
        if (existing is not null)
        {
            foreach (var (name, value) in existing)
            {
                if (!KnownProperties.Contains(name) && !IsSystemProperty(name))
                {
                    entity[name] = value;
                }
            }
        }

        entity[nameof(CorsPolicyDefinition.Routes)] = Join(definition.Routes);
        entity[nameof(CorsPolicyDefinition.AllowedOrigins)] = Join(definition.AllowedOrigins);
        entity[nameof(CorsPolicyDefinition.AllowedMethods)] = Join(definition.AllowedMethods);
        entity[nameof(CorsPolicyDefinition.AllowedHeaders)] = Join(definition.AllowedHeaders);
        entity[nameof(CorsPolicyDefinition.ExposedHeaders)] = Join(definition.ExposedHeaders);
        entity[nameof(CorsPolicyDefinition.AllowCredentials)] = definition.AllowCredentials;
        entity[nameof(CorsPolicyDefinition.AllowPrivateNetwork)] = definition.AllowPrivateNetwork;
        entity[nameof(CorsPolicyDefinition.Enabled)] = definition.Enabled;
        entity[nameof(CorsPolicyDefinition.Mode)] = PolicyModeText.Format(definition.Mode);
        entity[nameof(CorsPolicyDefinition.Debug)] = definition.Debug;
        entity[nameof(CorsPolicyDefinition.AllowNullOrigin)] = definition.AllowNullOrigin;
        entity[nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins)] = definition.DangerouslyAllowInsecureOrigins;
        entity[nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards)] = definition.DangerouslyAllowPublicSuffixWildcards;
        if (definition.MaxAgeSeconds is { } maxAge)
        {
            entity[nameof(CorsPolicyDefinition.MaxAgeSeconds)] = maxAge;
        }

        if (definition.Description is { } description)
        {
            entity[nameof(CorsPolicyDefinition.Description)] = description;
        }

        if (auditVersion > 0)
        {
            entity[AuditVersionProperty] = auditVersion;
        }

        return entity;
    }

    /// <summary>
    /// The row's audit version; 0 when it has none (written before versions were kept in rows, or by hand) or one that
    /// is not a positive number: the audit log's own last version then decides, so a bad cell never blocks a write.
    /// </summary>
    private static int AuditVersionOf(TableEntity entity) => entity.TryGetValue(AuditVersionProperty, out var value) && value switch
    {
        int number => number > 0,
        long number => number is > 0 and <= int.MaxValue,
        _ => false,
    } ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Splits a stored comma-separated list, trimming entries and dropping empty ones.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Join(IReadOnlyList<string> values) => string.Join(", ", values);

    /// <summary>Whether <paramref name="name"/> is one of the keys and metadata every entity has, not a property of its own.</summary>
    public static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";
}
