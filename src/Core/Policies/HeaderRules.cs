using CorsFunctions.Core.Collections;
using CorsFunctions.Core.Http;

namespace CorsFunctions.Core.Policies;

/// <summary>Validates <see cref="CorsPolicyDefinition.AllowedHeaders"/> and <see cref="CorsPolicyDefinition.ExposedHeaders"/>.</summary>
internal static class HeaderRules
{
    private const string AllowedField = nameof(CorsPolicyDefinition.AllowedHeaders);
    private const string ExposedField = nameof(CorsPolicyDefinition.ExposedHeaders);

    /// <summary>Adds an error for each rule the definition breaks; the matcher is used only when the policy has none.</summary>
    public static HeaderMatcher CompileAllowed(CorsPolicyDefinition definition, ErrorList errors)
    {
        var names = ReadNames(AllowedField, PolicyErrorCodes.HeaderInvalidName, definition.AllowedHeaders, errors);
        foreach (var name in names)
        {
            if (name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(PolicyErrorCodes.HeaderCorsProtocol, AllowedField, name, "is a CORS protocol header; pages cannot send it.");
            }
            else if (ForbiddenRequestHeaders.Contains(name))
            {
                errors.Add(PolicyErrorCodes.HeaderForbidden, AllowedField, name, "is a forbidden request header that pages can never set; remove it.");
            }
        }

        var allowAny = definition.AllowedHeaders.Contains("*");
        if (allowAny)
        {
            if (definition.AllowCredentials)
            {
                errors.Add(PolicyErrorCodes.HeaderAnyWithCredentials, AllowedField, "*", "is a literal header name for credentialed requests, so it would allow nothing; list the headers by name.");
            }

            if (names.Any(n => !n.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(PolicyErrorCodes.HeaderAnyMixed, AllowedField, "*", "can be combined only with 'Authorization' (which '*' never covers).");
            }
        }

        // Stryker disable once Conditional : with no names and no '*' every requested header is refused, so this value is never sent.
        var headerValue = allowAny ? string.Join(", ", ["*", .. names]) : names.Count == 0 ? null : string.Join(", ", names);
        return new HeaderMatcher(allowAny, StringLookup.Set(names, ignoreCase: true), headerValue);
    }

    /// <summary>The precomputed <c>Access-Control-Expose-Headers</c> value, or null for none.</summary>
    public static string? CompileExposed(CorsPolicyDefinition definition, ErrorList errors)
    {
        var names = ReadNames(ExposedField, PolicyErrorCodes.ExposedHeaderInvalidName, definition.ExposedHeaders, errors);
        foreach (var name in names)
        {
            if (name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(PolicyErrorCodes.ExposedHeaderCorsProtocol, ExposedField, name, "is a CORS protocol header; it tells the browser what to allow and is no header for a page to read.");
            }
            else if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) || name.Equals("Set-Cookie2", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(PolicyErrorCodes.ExposedHeaderForbidden, ExposedField, name, "is a forbidden response header: browsers never let a page read it, whatever the server exposes.");
            }
        }

        if (definition.ExposedHeaders.Contains("*"))
        {
            if (definition.AllowCredentials)
            {
                errors.Add(PolicyErrorCodes.ExposedHeaderAnyWithCredentials, ExposedField, "*", "is a literal header name for credentialed requests, so it would expose nothing; list the headers by name.");
            }

            if (names.Count > 0)
            {
                errors.Add(PolicyErrorCodes.ExposedHeaderAnyMixed, ExposedField, "*", "cannot be combined with other names: '*' already exposes every header.");
            }

            return "*";
        }

        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>The valid names other than <c>*</c>, first spelling kept, duplicates (in any case) collapsed.</summary>
    private static List<string> ReadNames(string field, string invalidNameCode, IReadOnlyList<string> entries, ErrorList errors)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry == "*")
            {
                continue;
            }

            if (!HttpSyntax.IsToken(entry))
            {
                errors.Add(invalidNameCode, field, entry, "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only).");
            }
            else if (seen.Add(entry))
            {
                names.Add(entry);
            }
        }

        return names;
    }
}
