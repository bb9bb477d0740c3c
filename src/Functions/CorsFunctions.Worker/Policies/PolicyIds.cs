using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>Policy ids that can be a RowKey: the id rule of <see cref="PolicyCompiler"/>, checked before any table call.</summary>
internal static class PolicyIds
{
    /// <summary>Whether <paramref name="id"/> is 1 to 128 letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= PolicyCompiler.MaxIdLength }
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
