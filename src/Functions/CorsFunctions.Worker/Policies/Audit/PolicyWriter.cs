namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>Who made a change, as far as the caller can be known; recorded in every audit entry.</summary>
/// <param name="Kind">How the writer was identified: <see cref="PolicyWriterKinds"/>.</param>
/// <param name="Name">
/// The key name (<c>master</c>), the principal's name, the issuer of a platform site token, or a tool's description of
/// its user.
/// </param>
/// <param name="Id">The principal's object id, or the subject of a platform token, when known.</param>
/// <param name="Source">Where the write came from: <c>api</c> (management functions) or <c>cli</c>.</param>
/// <param name="AuthenticationType">
/// How the platform authenticated the caller, as it named it: <c>WebJobsAuthLevel</c> for a key, the token handler's
/// type for a site token (<c>AuthenticationTypes.Federation</c>), <c>ArmToken</c>, or the App Service Authentication
/// provider (<c>auth_typ</c>, e.g. <c>aad</c>); null when nothing authenticated the caller.
/// </param>
/// <param name="TenantId">The Entra ID tenant (<c>tid</c>) of an App Service Authentication principal, when known.</param>
internal sealed record PolicyWriter(string Kind, string Name, string? Id, string Source, string? AuthenticationType = null, string? TenantId = null)
{
    /// <summary>The source of writes made through the management functions.</summary>
    public const string ApiSource = "api";

    /// <summary>The source of writes made by the command-line tool.</summary>
    public const string CliSource = "cli";
}
