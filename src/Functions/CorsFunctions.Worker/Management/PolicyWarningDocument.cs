using CorsFunctions.Core.Lint;

namespace CorsFunctions.Worker.Management;

/// <summary>One lint warning as JSON, shaped like <see cref="PolicyErrorDocument"/>; <see cref="Field"/> is the camelCase JSON member name.</summary>
/// <param name="Code">The stable code (<see cref="PolicyWarningCodes"/>), e.g. <c>lint.max_age_missing</c>: act on this, not on the message.</param>
/// <param name="Field">The member, e.g. <c>maxAgeSeconds</c>.</param>
/// <param name="Value">The entry concerned, when there is one.</param>
/// <param name="Message">What will happen and what to do instead.</param>
internal sealed record PolicyWarningDocument(string Code, string Field, string? Value, string Message)
{
    /// <summary>The JSON form of a Core warning.</summary>
    public static PolicyWarningDocument From(PolicyWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new PolicyWarningDocument(warning.Code, ManagementJson.Options.PropertyNamingPolicy!.ConvertName(warning.Field), warning.Value, warning.Message);
    }

    /// <summary>The documents of <paramref name="warnings"/>, or null when there is none (the member is then left out).</summary>
    public static IReadOnlyList<PolicyWarningDocument>? ListOf(IReadOnlyList<PolicyWarning> warnings) =>
        warnings.Count == 0 ? null : [.. warnings.Select(From)];
}
