using CorsFunctions.Core.Collections;

namespace CorsFunctions.Core.Policies;

/// <summary>Decides whether a compiled policy allows a requested header name (the compiled form of <see cref="CorsPolicyDefinition.AllowedHeaders"/>).</summary>
/// <param name="AllowAny">Whether <c>*</c> was configured (never with credentials).</param>
/// <param name="Names">The configured names, compared case-insensitively without allocating.</param>
/// <param name="HeaderValue">The precomputed <c>Access-Control-Allow-Headers</c> value, or null for none.</param>
internal sealed record HeaderMatcher(bool AllowAny, StringLookup<string> Names, string? HeaderValue)
{
    public bool Allows(ReadOnlySpan<char> name) =>
        Names.ContainsKey(name) || (AllowAny && !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
}
