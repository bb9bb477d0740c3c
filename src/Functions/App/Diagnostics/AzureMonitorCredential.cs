using Azure.Core;
using Azure.Identity;

namespace CorsFunctions.App.Diagnostics;

/// <summary>
/// The Entra credential for Azure Monitor ingestion, read from the setting the Functions host uses for the same
/// purpose: <c>Authorization=AAD</c> (system-assigned identity) or <c>Authorization=AAD;ClientId=&lt;id&gt;</c>
/// (user-assigned). The template disables local authentication, so without it ingestion is refused.
/// </summary>
internal static class AzureMonitorCredential
{
    /// <summary>The app setting holding the authentication string.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>A managed identity credential when the string asks for Entra authentication, otherwise null (key-based ingestion).</summary>
    public static TokenCredential? FromAuthenticationString(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }

        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
