namespace CorsFunctions.Core.Policies;

/// <summary>One reason a policy definition was refused.</summary>
/// <param name="Field">The definition field (also the stored property name), e.g. <c>AllowedOrigins</c>.</param>
/// <param name="Value">The offending entry, when there is one.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PolicyError(string Field, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Field}: {Message}" : $"{Field}: '{Value}' {Message}";
}
