namespace CorsFunctions.Core.Policies;

/// <summary>One reason a policy definition was refused.</summary>
/// <param name="Code">The stable code of the broken rule, one of <see cref="PolicyErrorCodes"/> (e.g. <c>origin.path_not_allowed</c>).</param>
/// <param name="Field">The definition field (also the stored property name), e.g. <c>AllowedOrigins</c>.</param>
/// <param name="Value">The offending entry, when there is one.</param>
/// <param name="Message">What is wrong and how to fix it, for people; may change between versions.</param>
public sealed record PolicyError(string Code, string Field, string? Value, string Message)
{
    /// <summary>The error for people, its code last: <c>AllowedOrigins: 'https://a.com/app' contains a path; ... [origin.path_not_allowed]</c>.</summary>
    public override string ToString() => Value is null ? $"{Field}: {Message} [{Code}]" : $"{Field}: '{Value}' {Message} [{Code}]";
}
