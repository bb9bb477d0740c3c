using System.Collections.Frozen;
using CorsFunctions.Core.Http;

namespace CorsFunctions.Core.Policies;

/// <summary>The allowed methods of a compiled policy.</summary>
/// <param name="AllowAny">Whether <c>*</c> was configured.</param>
/// <param name="Methods">The configured methods (case-sensitive).</param>
/// <param name="HeaderValue">The precomputed <c>Access-Control-Allow-Methods</c> value, or null for none.</param>
internal sealed record AllowedMethods(bool AllowAny, FrozenSet<string> Methods, string? HeaderValue)
{
    /// <summary>GET, HEAD and POST never need <c>Access-Control-Allow-Methods</c>.</summary>
    public static bool IsSafelisted(string method) => method is "GET" or "HEAD" or "POST";

    /// <summary>CONNECT, TRACE and TRACK: a browser never sends them and a policy never allows them.</summary>
    public static bool IsForbidden(string method) =>
        method.Equals("CONNECT", StringComparison.OrdinalIgnoreCase)
        || method.Equals("TRACE", StringComparison.OrdinalIgnoreCase)
        || method.Equals("TRACK", StringComparison.OrdinalIgnoreCase);

    public bool Allows(string method) =>
        IsSafelisted(method) || (!IsForbidden(method) && (AllowAny || Methods.Contains(method)));
}

/// <summary>Validates <see cref="CorsPolicyDefinition.AllowedMethods"/>.</summary>
internal static class MethodRules
{
    private const string Field = nameof(CorsPolicyDefinition.AllowedMethods);

    /// <summary>The methods browsers upper-case (Fetch, "normalize a method"); every other method keeps its case.</summary>
    private static readonly string[] s_normalizedMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

    public static AllowedMethods? Compile(CorsPolicyDefinition definition, ErrorList errors)
    {
        var before = errors.Count;
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

            if (AllowedMethods.IsForbidden(entry))
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

        if (errors.Count > before)
        {
            return null;
        }

        // With credentials '*' is a literal method name for browsers, so the requested method is echoed instead.
        var headerValue = allowAny
            ? (definition.AllowCredentials ? null : "*")
            : methods.Count == 0 ? null : string.Join(", ", methods);
        return new AllowedMethods(allowAny, methods.ToFrozenSet(StringComparer.Ordinal), headerValue);
    }
}
