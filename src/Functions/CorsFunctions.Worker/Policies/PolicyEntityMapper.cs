using System.Globalization;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Maps a table row to a <see cref="CorsPolicyDefinition"/> and back. Reading never throws: a property stored
/// with the wrong type becomes a <see cref="PolicyError"/> that makes the policy invalid. Lists are
/// comma-separated strings so operators can edit rows by hand; booleans and numbers are typed, but their
/// exact text (<c>true</c>, <c>600</c>) is accepted too because Storage Explorer stores new columns as strings.
/// </summary>
internal static class PolicyEntityMapper
{
    /// <summary>The longest string a table property holds (64 KiB of UTF-16).</summary>
    public const int MaxPropertyLength = 32 * 1024;

    private static readonly string[] ListFields =
    [
        nameof(CorsPolicyDefinition.Routes), nameof(CorsPolicyDefinition.AllowedOrigins), nameof(CorsPolicyDefinition.AllowedMethods),
        nameof(CorsPolicyDefinition.AllowedHeaders), nameof(CorsPolicyDefinition.ExposedHeaders),
    ];

    /// <summary>Every property this app reads and writes; other properties of a row are left alone.</summary>
    public static IReadOnlySet<string> KnownProperties { get; } = new HashSet<string>(
        [
            .. ListFields, nameof(CorsPolicyDefinition.AllowCredentials), nameof(CorsPolicyDefinition.MaxAgeSeconds),
            nameof(CorsPolicyDefinition.AllowPrivateNetwork), nameof(CorsPolicyDefinition.Enabled), nameof(CorsPolicyDefinition.Mode),
            nameof(CorsPolicyDefinition.Description),
            nameof(CorsPolicyDefinition.AllowNullOrigin), nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins),
            nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards),
        ],
        StringComparer.Ordinal);

    /// <summary>Reads a row; the id is the RowKey.</summary>
    public static StoredPolicy Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var reader = new RowReader(entity);
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
            Description = reader.Text(nameof(CorsPolicyDefinition.Description)),
            AllowNullOrigin = reader.Bool(nameof(CorsPolicyDefinition.AllowNullOrigin)) ?? false,
            DangerouslyAllowInsecureOrigins = reader.Bool(nameof(CorsPolicyDefinition.DangerouslyAllowInsecureOrigins)) ?? false,
            DangerouslyAllowPublicSuffixWildcards = reader.Bool(nameof(CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards)) ?? false,
        };
        return new StoredPolicy(definition, reader.Errors, entity.ETag);
    }

    /// <summary>
    /// Builds the row for <paramref name="definition"/>, carrying over the properties of <paramref name="existing"/>
    /// that this app does not know (an operator's own columns survive a write).
    /// </summary>
    public static TableEntity ToEntity(string policySet, CorsPolicyDefinition definition, TableEntity? existing)
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

        return entity;
    }

    /// <summary>Fields of a valid definition that a table row cannot hold (strings over 64 KiB).</summary>
    public static IReadOnlyList<PolicyError> CheckStorable(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<PolicyError>();
        var texts = ListFields.Select(field => (field, Join(ListOf(definition, field))))
            .Append((nameof(CorsPolicyDefinition.Description), definition.Description ?? ""));
        foreach (var (field, text) in texts)
        {
            if (text.Length > MaxPropertyLength)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.StoredTooLong, field, null, $"is {text.Length} characters long once stored; a table property holds at most {MaxPropertyLength}."));
            }
        }

        return errors;
    }

    /// <summary>Splits a stored comma-separated list, trimming entries and dropping empty ones.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Quotes an offending value for errors and logs: invariant culture, then <see cref="SafeLogValue.Bound"/>.</summary>
    public static string Quote(object value) => SafeLogValue.Bound(Convert.ToString(value, CultureInfo.InvariantCulture));

    private static string Join(IReadOnlyList<string> values) => string.Join(", ", values);

    private static IReadOnlyList<string> ListOf(CorsPolicyDefinition definition, string field) => field switch
    {
        nameof(CorsPolicyDefinition.Routes) => definition.Routes,
        nameof(CorsPolicyDefinition.AllowedOrigins) => definition.AllowedOrigins,
        nameof(CorsPolicyDefinition.AllowedMethods) => definition.AllowedMethods,
        nameof(CorsPolicyDefinition.AllowedHeaders) => definition.AllowedHeaders,
        _ => definition.ExposedHeaders,
    };

    private static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";

    /// <summary>Reads typed properties of one row, collecting an error for each that has the wrong type.</summary>
    private sealed class RowReader(TableEntity entity)
    {
        private readonly List<PolicyError> _errors = [];

        public IReadOnlyList<PolicyError> Errors => _errors;

        public IReadOnlyList<string> List(string field) => Text(field) is { } text ? Split(text) : [];

        public string? Text(string field)
        {
            var value = Value(field);
            if (value is null or string)
            {
                return (string?)value;
            }

            return Fail<string>(field, value, "must be stored as a String (comma-separated for lists).");
        }

        public bool? Bool(string field) => Value(field) switch
        {
            null => null,
            bool flag => flag,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text when bool.TryParse(text, out var flag) => flag,
            var other => Fail<bool?>(field, other, "must be a Boolean (or the text true or false)."),
        };

        public int? Int(string field) => Value(field) switch
        {
            null => null,
            int number => number,
            long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            var other => Fail<int?>(field, other, "must be an Int32 whole number of seconds (or its digits as text)."),
        };

        /// <summary>Absent or empty is enforce; an unreadable mode is an error and the row fails closed as an enforced policy.</summary>
        public PolicyMode Mode(string field) => Value(field) switch
        {
            null => PolicyMode.Enforce,
            string text when string.IsNullOrWhiteSpace(text) => PolicyMode.Enforce,
            string text when PolicyModeText.TryParse(text, out var mode) => mode,
            var other => FailWith(PolicyErrorCodes.ModeInvalid, field, other, $"must be the text {PolicyModeText.Enforce} or {PolicyModeText.ReportOnly}.", PolicyMode.Enforce),
        };

        private object? Value(string field) => entity.TryGetValue(field, out var value) ? value : null;

        private T? Fail<T>(string field, object value, string message) => FailWith<T?>(PolicyErrorCodes.StoredWrongType, field, value, message, default);

        private T FailWith<T>(string code, string field, object value, string message, T fallback)
        {
            _errors.Add(new PolicyError(code, field, Quote(value), message));
            return fallback;
        }
    }
}
