using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Checks every <see cref="CorsManagementOptions"/> setting at startup and lists all mistakes in one message, named as
/// the app setting an operator has to fix; and that the app called <c>UseCorsPolicies()</c>, without which the
/// management functions would have no policy store to read or write.
/// </summary>
internal sealed class CorsManagementOptionsValidator(IServiceProviderIsService services) : IValidateOptions<CorsManagementOptions>
{
    private const string Prefix = CorsManagementOptions.SectionName + "__";

    /// <summary>The message of a referenced package whose base was never added.</summary>
    internal const string BaseMissing = "CorsFunctions.Worker.Management is referenced, but Program.cs does not call builder.UseCorsPolicies(): " +
        "add that line (CorsFunctions.Worker), or remove the package reference.";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CorsManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!services.IsService(typeof(PolicyWritePipeline)) || !services.IsService(typeof(IPolicySnapshotSource)))
        {
            failures.Add(BaseMissing);
        }

        if (!Enum.IsDefined(options.ManagementAuthorization))
        {
            failures.Add($"{Prefix}ManagementAuthorization must be {nameof(CorsManagementAuthorization.AdminKey)} or {nameof(CorsManagementAuthorization.EntraAppRole)}.");
        }

        // Without a tenant, EntraAppRole would accept a principal of any tenant that can sign in to the app registration.
        if (!string.IsNullOrWhiteSpace(options.ManagementTenantId) && !Guid.TryParse(options.ManagementTenantId, out _))
        {
            failures.Add($"{Prefix}ManagementTenantId '{options.ManagementTenantId}' must be the Entra ID tenant id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.");
        }
        else if (options.ManagementAuthorization == CorsManagementAuthorization.EntraAppRole && string.IsNullOrWhiteSpace(options.ManagementTenantId))
        {
            failures.Add($"{Prefix}ManagementTenantId is required with {Prefix}ManagementAuthorization={nameof(CorsManagementAuthorization.EntraAppRole)}: " +
                "set it to the id of the Entra ID tenant whose principals may write (a GUID).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
