namespace CorsFunctions.Core.Lint;

/// <summary>
/// One reason a valid policy is probably not what its author meant: it compiles and is enforced as written, but a
/// browser or the app will not behave as expected. Never a reason to refuse a write, unless a caller asks for it
/// (<c>corsfunctions validate --strict</c>).
/// </summary>
/// <param name="Code">The stable code, one of <see cref="PolicyWarningCodes"/> (e.g. <c>lint.max_age_missing</c>).</param>
/// <param name="Field">The definition field the warning is about, e.g. <c>MaxAgeSeconds</c>.</param>
/// <param name="Value">The entry concerned, when there is one.</param>
/// <param name="Message">What will happen and what to do instead, for people; may change between versions.</param>
public sealed record PolicyWarning(string Code, string Field, string? Value, string Message)
{
    /// <summary>The warning for people, its code last: <c>MaxAgeSeconds: is not set; ... [lint.max_age_missing]</c>.</summary>
    public override string ToString() => Value is null ? $"{Field}: {Message} [{Code}]" : $"{Field}: '{Value}' {Message} [{Code}]";
}
