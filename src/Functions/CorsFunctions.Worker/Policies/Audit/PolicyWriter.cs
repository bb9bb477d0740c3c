namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>Who made a change, as far as the caller can be known; recorded in every audit entry.</summary>
/// <param name="Kind">How the writer was identified: <see cref="PolicyWriterKinds"/>.</param>
/// <param name="Name">The key name (<c>master</c>), the principal's name, or a tool's description of its user.</param>
/// <param name="Id">The principal's object id, when known.</param>
/// <param name="Source">Where the write came from: <c>api</c> (management functions) or <c>cli</c>.</param>
/// <param name="AuthenticationType">How the platform authenticated the caller (<c>aad</c>, <c>ArmToken</c>...), when it says.</param>
/// <param name="TenantId">The Entra ID tenant of the principal, when known.</param>
internal sealed record PolicyWriter(string Kind, string Name, string? Id, string Source, string? AuthenticationType = null, string? TenantId = null)
{
    /// <summary>The source of writes made through the management functions.</summary>
    public const string ApiSource = "api";

    /// <summary>The source of writes made by the command-line tool.</summary>
    public const string CliSource = "cli";
}
