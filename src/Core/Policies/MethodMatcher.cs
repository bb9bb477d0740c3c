using CorsFunctions.Core.Collections;

namespace CorsFunctions.Core.Policies;

/// <summary>Decides whether a compiled policy allows a requested method (the compiled form of <see cref="CorsPolicyDefinition.AllowedMethods"/>).</summary>
/// <param name="AllowAny">Whether <c>*</c> was configured.</param>
/// <param name="Methods">The configured methods (case-sensitive).</param>
/// <param name="HeaderValue">The precomputed <c>Access-Control-Allow-Methods</c> value, or null for none.</param>
internal sealed record MethodMatcher(bool AllowAny, StringLookup<string> Methods, string? HeaderValue)
{
    /// <summary>GET, HEAD and POST never need <c>Access-Control-Allow-Methods</c>.</summary>
    public static bool IsSafelisted(string method) => method is "GET" or "HEAD" or "POST";

    /// <summary>CONNECT, TRACE and TRACK: a browser never sends them and a policy never allows them.</summary>
    public static bool IsForbidden(string method) =>
        method.Equals("CONNECT", StringComparison.OrdinalIgnoreCase)
        || method.Equals("TRACE", StringComparison.OrdinalIgnoreCase)
        || method.Equals("TRACK", StringComparison.OrdinalIgnoreCase);

    public bool Allows(string method) =>
        IsSafelisted(method) || (!IsForbidden(method) && (AllowAny || Methods.ContainsKey(method)));
}
