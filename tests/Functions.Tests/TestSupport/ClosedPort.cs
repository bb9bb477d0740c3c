namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>A storage account nothing listens for: every call is refused at once (127.0.0.1, port 1).</summary>
internal static class ClosedPort
{
    /// <summary>The emulator's well-known account key: a real connection string in form, that must never reach any output.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string ConnectionString =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
}
