using System.Text.Json.Serialization;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// A policy as JSON (camelCase, lists as arrays): the body of <c>PUT cors-policies/{id}</c>, the sample file
/// and what <c>GET</c> returns. <see cref="ETag"/>, <see cref="Errors"/> and <see cref="Warnings"/> are output only and ignored on input,
/// so a document read with GET can be edited and written back as it is.
/// </summary>
internal sealed record PolicyDocument
{
    /// <summary>The policy id; optional in a PUT body, where it must equal the id in the URL.</summary>
    public string? Id { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.Description"/>.</summary>
    public string? Description { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.Enabled"/>; absent means enabled.</summary>
    public bool? Enabled { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.Mode"/>: <c>enforce</c> (absent) or <c>reportOnly</c>.</summary>
    [JsonConverter(typeof(PolicyModeJsonConverter))]
    public PolicyMode? Mode { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.Routes"/>.</summary>
    public IReadOnlyList<string?>? Routes { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.AllowedOrigins"/>.</summary>
    public IReadOnlyList<string?>? AllowedOrigins { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.AllowedMethods"/>.</summary>
    public IReadOnlyList<string?>? AllowedMethods { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.AllowedHeaders"/>.</summary>
    public IReadOnlyList<string?>? AllowedHeaders { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.ExposedHeaders"/>.</summary>
    public IReadOnlyList<string?>? ExposedHeaders { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.AllowCredentials"/>.</summary>
    public bool? AllowCredentials { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.MaxAgeSeconds"/>.</summary>
    public int? MaxAgeSeconds { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.AllowPrivateNetwork"/>.</summary>
    public bool? AllowPrivateNetwork { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.AllowNullOrigin"/>.</summary>
    public bool? AllowNullOrigin { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.DangerouslyAllowInsecureOrigins"/>.</summary>
    public bool? DangerouslyAllowInsecureOrigins { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.DangerouslyAllowPublicSuffixWildcards"/>.</summary>
    public bool? DangerouslyAllowPublicSuffixWildcards { get; init; }

    /// <summary>See <see cref="CorsPolicyDefinition.Debug"/>; absent means off.</summary>
    public bool? Debug { get; init; }

    /// <summary>Output only: the row version to send back in <c>If-Match</c>.</summary>
    public string? ETag { get; init; }

    /// <summary>Output only: why the stored policy is invalid (its routes then refuse every CORS request).</summary>
    public IReadOnlyList<PolicyErrorDocument>? Errors { get; init; }

    /// <summary>
    /// Output only, in the management API's answers: why the valid policy is probably not what was meant
    /// (<c>lint.*</c> codes, linted against the app's functions); absent when there is none.
    /// </summary>
    public IReadOnlyList<PolicyWarningDocument>? Warnings { get; init; }

    /// <summary>The definition this document describes, with <paramref name="id"/> as its id.</summary>
    public CorsPolicyDefinition ToDefinition(string id) => new()
    {
        Id = id,
        Description = Description,
        Enabled = Enabled ?? true,
        Mode = Mode ?? PolicyMode.Enforce,
        Debug = Debug ?? false,
        Routes = List(Routes),
        AllowedOrigins = List(AllowedOrigins),
        AllowedMethods = List(AllowedMethods),
        AllowedHeaders = List(AllowedHeaders),
        ExposedHeaders = List(ExposedHeaders),
        AllowCredentials = AllowCredentials ?? false,
        MaxAgeSeconds = MaxAgeSeconds,
        AllowPrivateNetwork = AllowPrivateNetwork ?? false,
        AllowNullOrigin = AllowNullOrigin ?? false,
        DangerouslyAllowInsecureOrigins = DangerouslyAllowInsecureOrigins ?? false,
        DangerouslyAllowPublicSuffixWildcards = DangerouslyAllowPublicSuffixWildcards ?? false,
    };

    /// <summary>The document of a stored definition, with its ETag and errors (null when valid).</summary>
    public static PolicyDocument From(CorsPolicyDefinition definition, string? etag, IReadOnlyList<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
        return new PolicyDocument
        {
            Id = definition.Id,
            Description = definition.Description,
            Enabled = definition.Enabled,
            Mode = definition.Mode,

            // Written only when on, so the documents of policies that never used it read as before.
            Debug = definition.Debug ? true : null,
            Routes = definition.Routes,
            AllowedOrigins = definition.AllowedOrigins,
            AllowedMethods = definition.AllowedMethods,
            AllowedHeaders = definition.AllowedHeaders,
            ExposedHeaders = definition.ExposedHeaders,
            AllowCredentials = definition.AllowCredentials,
            MaxAgeSeconds = definition.MaxAgeSeconds,
            AllowPrivateNetwork = definition.AllowPrivateNetwork,
            AllowNullOrigin = definition.AllowNullOrigin,
            DangerouslyAllowInsecureOrigins = definition.DangerouslyAllowInsecureOrigins,
            DangerouslyAllowPublicSuffixWildcards = definition.DangerouslyAllowPublicSuffixWildcards,
            ETag = etag,
            Errors = errors.Count == 0 ? null : [.. errors.Select(PolicyErrorDocument.From)],
        };
    }

    // A JSON null inside a list becomes an empty entry, which validation refuses with a clear message.
    private static string[] List(IReadOnlyList<string?>? values) => values is null ? [] : [.. values.Select(v => v ?? "")];
}
