namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The values of <see cref="PolicyWriter.Kind"/>.</summary>
internal static class PolicyWriterKinds
{
    /// <summary>A Functions key the host validated; the name is the key's name (<c>master</c> for the admin key).</summary>
    public const string Key = "key";

    /// <summary>
    /// A principal that App Service Authentication validated (through the API; its provider is the writer's
    /// authentication type), or the Entra ID identity a tool signed in with (the CLI).
    /// </summary>
    public const string Principal = "principal";

    /// <summary>
    /// A platform site token the host validated with the site's own signing keys (<c>x-ms-site-token</c> or
    /// <c>Authorization: Bearer</c>), which the host grants the admin level; the name is the token's issuer.
    /// </summary>
    public const string SiteToken = "site-token";

    /// <summary>An ARM restricted token (<c>x-ms-site-restricted-token</c>) the host validated, which it grants the admin level.</summary>
    public const string ArmToken = "arm-token";

    /// <summary>
    /// The host granted the admin level on App Service, but the worker cannot see by which credential: in the ASP.NET
    /// Core integration the host forwards the HTTP request to the worker without its identities (an empty gRPC
    /// <c>RpcHttp</c>). Only a signed-in App Service Authentication principal names such a caller.
    /// </summary>
    public const string AdminLevel = "admin-level";

    /// <summary>Nothing identified the caller (a local run where the host enforces no keys).</summary>
    public const string Unidentified = "unidentified";

    /// <summary>A storage credential used directly (the CLI: connection string or <c>DefaultAzureCredential</c>).</summary>
    public const string StorageCredential = "storage-credential";
}
