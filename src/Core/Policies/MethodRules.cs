using CorsFunctions.Core.Collections;
using CorsFunctions.Core.Http;

namespace CorsFunctions.Core.Policies;

/// <summary>Validates <see cref="CorsPolicyDefinition.AllowedMethods"/>.</summary>
internal static class MethodRules
{
    private const string Field = nameof(CorsPolicyDefinition.AllowedMethods);

    /// <summary>The methods browsers upper-case (Fetch, "normalize a method"); every other method keeps its case.</summary>
    private static readonly string[] s_normalizedMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

    /// <summary>Adds an error for each rule the definition breaks; the matcher is used only when the policy has none.</summary>
    public static MethodMatcher Compile(CorsPolicyDefinition definition, ErrorList errors)
    {
        var methods = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in definition.AllowedMethods)
        {
            if (entry == "*")
            {
                continue;
            }

            if (!HttpSyntax.IsToken(entry))
            {
                errors.Add(PolicyErrorCodes.MethodInvalidName, Field, entry, "is not a valid HTTP method name (letters, digits and !#$%&'*+-.^_`|~ only).");
                continue;
            }

            if (MethodMatcher.IsForbidden(entry))
            {
                errors.Add(PolicyErrorCodes.MethodForbidden, Field, entry, "is a forbidden method that browsers never send; remove it.");
                continue;
            }

            // Browsers send "delete" as "DELETE", so the policy must say it that way to match.
            var method = Array.Find(s_normalizedMethods, m => m.Equals(entry, StringComparison.OrdinalIgnoreCase)) ?? entry;
            if (seen.Add(method))
            {
                methods.Add(method);
            }
        }

        var allowAny = definition.AllowedMethods.Contains("*");
        if (allowAny && methods.Count > 0)
        {
            errors.Add(PolicyErrorCodes.MethodAnyMixed, Field, "*", "cannot be combined with other methods: '*' already allows every method.");
        }

        // With credentials '*' is a literal method name for browsers: CorsPolicy echoes the requested method instead.
        var headerValue = allowAny ? "*" : methods.Count == 0 ? null : string.Join(", ", methods);
        return new MethodMatcher(allowAny, StringLookup.Set(methods, ignoreCase: false), headerValue);
    }
}
