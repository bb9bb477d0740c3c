using System.Collections.Frozen;

namespace CorsFunctions.Core.Policies;

/// <summary>Decides whether a compiled policy allows a requested header name (the compiled form of <see cref="CorsPolicyDefinition.AllowedHeaders"/>).</summary>
/// <param name="AllowAny">Whether <c>*</c> was configured (never with credentials).</param>
/// <param name="Names">The configured names, compared case-insensitively without allocating.</param>
/// <param name="HeaderValue">The precomputed <c>Access-Control-Allow-Headers</c> value, or null for none.</param>
internal sealed record HeaderMatcher(bool AllowAny, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Names, string? HeaderValue)
{
    // Browsers send lower-case names: an ordinal lookup answers them; other spellings fall back to Names.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lowerCaseNames =
        Names.Set.Select(n => n.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Allows(ReadOnlySpan<char> name) =>
        _lowerCaseNames.Contains(name) || Names.Contains(name) || (AllowAny && !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
}
