namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>The values of <see cref="PolicyWriter.Kind"/>.</summary>
internal static class PolicyWriterKinds
{
    /// <summary>A Functions key the host validated; the name is the key's name (<c>master</c> for the admin key).</summary>
    public const string Key = "key";

    /// <summary>An Entra ID principal that App Service Authentication validated.</summary>
    public const string Principal = "principal";

    /// <summary>Nothing identified the caller (a local run where the host enforces no keys).</summary>
    public const string Unidentified = "unidentified";

    /// <summary>A storage credential used directly (the CLI: connection string or <c>DefaultAzureCredential</c>).</summary>
    public const string StorageCredential = "storage-credential";
}
