using System.Text.Json.Nodes;

namespace CorsFunctions.Infra.Tests.Support;

/// <summary>A role assignment of a snapshot: the scope it is on, the role definition guid, the principal and its type.</summary>
internal sealed record RoleAssignment(string Scope, string RoleId, string PrincipalId, string? PrincipalType)
{
    private const string ExtensionPrefix = "[extensionResourceId('";
    private const string ProviderInfix = "/providers/Microsoft.Authorization/roleAssignments/";

    public static RoleAssignment From(JsonObject resource)
    {
        var id = resource.Str("id") ?? string.Empty;
        string scope;
        if (id.StartsWith(ExtensionPrefix, StringComparison.Ordinal))
        {
            var rest = id[ExtensionPrefix.Length..];
            scope = rest[..rest.IndexOf('\'', StringComparison.Ordinal)];
        }
        else
        {
            var at = id.IndexOf(ProviderInfix, StringComparison.OrdinalIgnoreCase);
            scope = at >= 0 ? id[..at] : id;
        }

        var properties = resource["properties"];
        var roleDefinitionId = properties.Str("roleDefinitionId") ?? string.Empty;
        return new RoleAssignment(
            scope,
            roleDefinitionId[(roleDefinitionId.LastIndexOf('/') + 1)..],
            properties.Str("principalId") ?? string.Empty,
            properties.Str("principalType"));
    }
}
