using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Policies;

/// <summary>
/// Validates a <see cref="CorsPolicyDefinition"/> against every rule at once and compiles it into an
/// immutable <see cref="CorsPolicy"/>. Nothing insecure compiles without its explicit danger flag.
/// </summary>
public static class PolicyCompiler
{
    /// <summary>The largest <see cref="CorsPolicyDefinition.MaxAgeSeconds"/> accepted (Firefox's cap; Chromium caps at 7200).</summary>
    public const int MaxAgeLimit = 86400;

    /// <summary>The longest policy id accepted.</summary>
    public const int MaxIdLength = 128;

    /// <summary>
    /// The longest method or header name accepted. Routes have <see cref="RoutePattern.MaxLength"/>; an origin is bounded
    /// by its own syntax (a host name holds at most 253 characters).
    /// </summary>
    public const int MaxEntryLength = 512;

    /// <summary>The longest <see cref="CorsPolicyDefinition.Description"/> accepted.</summary>
    public const int MaxDescriptionLength = 1024;

    /// <summary>Compiles <paramref name="definition"/>; the result holds the policy or every error.</summary>
    public static PolicyCompilation Compile(CorsPolicyDefinition definition) => Compile(definition, []);

    /// <summary>
    /// Compiles a definition read from storage, adding <paramref name="readErrors"/> (fields that could not
    /// be read, e.g. a number stored as text) to the validation errors: any of them makes the policy invalid.
    /// </summary>
    public static PolicyCompilation Compile(CorsPolicyDefinition definition, IReadOnlyList<PolicyError> readErrors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(readErrors);
        var errors = new ErrorList();
        foreach (var error in readErrors)
        {
            errors.Add(error);
        }

        CheckId(definition.Id, errors);
        var routes = ReadRoutes(definition.Routes, errors);
        var origins = OriginRules.Compile(definition, errors);
        var methods = MethodRules.Compile(definition, errors);
        var headers = HeaderRules.CompileAllowed(definition, errors);
        var exposed = HeaderRules.CompileExposed(definition, errors);
        CheckLengths(definition, errors);
        if (definition.MaxAgeSeconds is < 0 or > MaxAgeLimit)
        {
            errors.Add(PolicyErrorCodes.MaxAgeOutOfRange, nameof(CorsPolicyDefinition.MaxAgeSeconds), definition.MaxAgeSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"must be from 0 to {MaxAgeLimit} seconds (browsers cap it: Chromium at 7200, Firefox at 86400).");
        }

        if (!Enum.IsDefined(definition.Mode))
        {
            errors.Add(PolicyErrorCodes.ModeInvalid, nameof(CorsPolicyDefinition.Mode), ((int)definition.Mode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "must be enforce or reportOnly.");
        }

        var policy = errors.Count == 0
            ? new CorsPolicy(definition, routes, origins, methods, headers, exposed)
            : null;
        return new PolicyCompilation(definition, routes, policy, errors.ToList());
    }

    /// <summary>
    /// The one id rule: 1 to <see cref="MaxIdLength"/> ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, so an id
    /// is always a valid table RowKey and safe in a URL path segment.
    /// </summary>
    public static bool IsValidId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void CheckId(string? id, ErrorList errors)
    {
        const string field = nameof(CorsPolicyDefinition.Id);
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(PolicyErrorCodes.IdRequired, field, null, "is required.");
        }
        else if (!IsValidId(id))
        {
            errors.Add(PolicyErrorCodes.IdInvalid, field, id, $"must be 1 to {MaxIdLength} letters, digits, '-', '_' or '.'.");
        }
    }

    /// <summary>
    /// Bounds every method and header name and the description, so that a valid policy always fits its table row and its audit entry
    /// (which holds the definition before and after) with room to spare.
    /// </summary>
    private static void CheckLengths(CorsPolicyDefinition definition, ErrorList errors)
    {
        CheckEntries(nameof(CorsPolicyDefinition.AllowedMethods), PolicyErrorCodes.MethodTooLong, definition.AllowedMethods, errors);
        CheckEntries(nameof(CorsPolicyDefinition.AllowedHeaders), PolicyErrorCodes.HeaderTooLong, definition.AllowedHeaders, errors);
        CheckEntries(nameof(CorsPolicyDefinition.ExposedHeaders), PolicyErrorCodes.ExposedHeaderTooLong, definition.ExposedHeaders, errors);
        if (definition.Description is { Length: > MaxDescriptionLength } description)
        {
            errors.Add(PolicyErrorCodes.DescriptionTooLong, nameof(CorsPolicyDefinition.Description), null,
                $"is {description.Length} characters long; a description holds at most {MaxDescriptionLength}.");
        }
    }

    private static void CheckEntries(string field, string code, IReadOnlyList<string> entries, ErrorList errors)
    {
        foreach (var entry in entries)
        {
            if (entry is { Length: > MaxEntryLength })
            {
                errors.Add(code, field, $"{entry[..32]}...", $"is {entry.Length} characters long; an entry holds at most {MaxEntryLength}.");
            }
        }
    }

    private static RoutePattern[] ReadRoutes(IReadOnlyList<string> routes, ErrorList errors)
    {
        const string field = nameof(CorsPolicyDefinition.Routes);
        var patterns = new List<RoutePattern>();
        if (routes.Count == 0)
        {
            errors.Add(PolicyErrorCodes.RoutesRequired, field, null, "must list at least one route pattern (e.g. /api/items, /api/items/*, or /** for the default policy).");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            if (!RoutePattern.TryParse(route, out var pattern, out var code, out var message))
            {
                errors.Add(code!, field, route, message!);
            }
            else if (seen.Add(pattern!.Text))
            {
                patterns.Add(pattern);
            }
        }

        // An array of exactly the routes read: a compiled policy is kept for as long as it is in force.
        return [.. patterns];
    }
}
