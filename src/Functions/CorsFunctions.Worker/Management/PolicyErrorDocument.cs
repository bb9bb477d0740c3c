using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Management;

/// <summary>One validation error as JSON; <see cref="Field"/> is the camelCase JSON member name.</summary>
/// <param name="Code">The stable code of the broken rule (<see cref="PolicyErrorCodes"/>), e.g. <c>origin.path_not_allowed</c>: act on this, not on the message.</param>
/// <param name="Field">The member, e.g. <c>allowedOrigins</c>.</param>
/// <param name="Value">The offending entry, when there is one.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
internal sealed record PolicyErrorDocument(string Code, string Field, string? Value, string Message)
{
    /// <summary>The JSON form of a Core error.</summary>
    public static PolicyErrorDocument From(PolicyError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new PolicyErrorDocument(error.Code, ManagementJson.Options.PropertyNamingPolicy!.ConvertName(error.Field), error.Value, error.Message);
    }
}
