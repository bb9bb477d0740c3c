using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Checks every <see cref="CorsPolicyOptions"/> setting at startup and lists all mistakes in one message,
/// named as the app setting an operator has to fix.
/// </summary>
internal sealed partial class CorsPolicyOptionsValidator : IValidateOptions<CorsPolicyOptions>
{
    private const string Prefix = CorsPolicyOptions.SectionName + "__";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CorsPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString && options.TableServiceUri is not null)
        {
            failures.Add($"{Prefix}ConnectionString and {Prefix}TableServiceUri are both set: set only one.");
        }
        else if (!hasConnectionString && options.TableServiceUri is null)
        {
            failures.Add($"No policy store: set {Prefix}TableServiceUri (managed identity), {Prefix}ConnectionString, " +
                $"or {CorsPolicyOptions.HostStorageSetting} to a connection string.");
        }

        // The URI is reached with a token credential, which the Azure SDK sends over https only: refuse http at
        // startup rather than fail every reload.
        if (options.TableServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Prefix}TableServiceUri must be an absolute https URI such as https://<account>.table.core.windows.net " +
                $"(a managed identity token is never sent over http; for Azurite set {Prefix}ConnectionString instead).");
        }

        if (options.TableName is null || !TableNamePattern().IsMatch(options.TableName))
        {
            failures.Add($"{Prefix}TableName '{options.TableName}' must be 3 to 63 letters or digits, starting with a letter.");
        }

        if (options.AuditTableName is null || !TableNamePattern().IsMatch(options.AuditTableName))
        {
            failures.Add($"{Prefix}AuditTableName '{options.AuditTableName}' must be 3 to 63 letters or digits, starting with a letter.");
        }
        else if (string.Equals(options.AuditTableName, options.TableName, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Prefix}AuditTableName must differ from {Prefix}TableName: audit rows are not policies.");
        }

        if (string.IsNullOrEmpty(options.PartitionKey) || options.PartitionKey.Length > 256
            || options.PartitionKey.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            failures.Add($"{Prefix}PartitionKey '{options.PartitionKey}' must be 1 to 256 characters without '/', '\\', '#', '?' or control characters.");
        }

        if (options.RefreshSeconds is < 1 or > 3600)
        {
            failures.Add($"{Prefix}RefreshSeconds {options.RefreshSeconds} must be from 1 to 3600.");
        }

        if (options.FullReloadMinutes is < 1 or > 1440)
        {
            failures.Add($"{Prefix}FullReloadMinutes {options.FullReloadMinutes} must be from 1 to 1440.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
