using System.Buffers.Text;
using System.Text.Json;
using Azure.Core;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Cli;

/// <summary>
/// Who the audit log records for a write by this tool. With <c>DefaultAzureCredential</c> it is the Entra principal
/// storage itself authenticates (its name, object id and tenant, read from the token); with a connection string, which
/// carries no identity, the operating-system user and machine.
/// </summary>
internal static class CliWriter
{
    private static readonly TokenRequestContext s_storageScope = new(["https://storage.azure.com/.default"]);

    /// <summary>The writer of a run with a connection string.</summary>
    public static PolicyWriter ForConnectionString() =>
        new(PolicyWriterKinds.StorageCredential, $"{Environment.UserName}@{Environment.MachineName} (connection string)", null, PolicyWriter.CliSource);

    /// <summary>The principal <paramref name="credential"/> signs in as.</summary>
    public static async Task<PolicyWriter> ForCredentialAsync(TokenCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var token = await credential.GetTokenAsync(s_storageScope, cancellationToken).ConfigureAwait(false);
        var (name, id, tenant) = Claims(token.Token);
        return new PolicyWriter(PolicyWriterKinds.Principal, name ?? "unknown principal", id, PolicyWriter.CliSource, EntraTokenAuthentication, tenant);
    }

    /// <summary>How a principal the tool names was authenticated: an Entra ID token that storage accepted.</summary>
    public const string EntraTokenAuthentication = "entra-token";

    /// <summary>The principal's name (user, or application id), object id and tenant, from a JWT's payload; nulls when it is not one.</summary>
    public static (string? Name, string? ObjectId, string? TenantId) Claims(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return (null, null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            string? Claim(string name) => json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (Claim("upn") ?? Claim("unique_name") ?? Claim("preferred_username") ?? Claim("appid") ?? Claim("azp"), Claim("oid"), Claim("tid"));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, null, null);
        }
    }
}
