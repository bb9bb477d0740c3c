using CorsFunctions.Core.Policies;
using Azure.Data.Tables;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CorsFunctions.Worker;

namespace CorsFunctions.Seeder;

/// <summary>
/// Writes the policies of a JSON file (the <c>GET cors-policies</c> shape) into a policy set. Every policy is
/// validated with Core first; if any is invalid nothing is written. Existing rows are replaced, other rows kept.
/// </summary>
internal static class PolicySeeder
{
    /// <summary>Seeds <paramref name="file"/>; returns the errors that prevented it (empty on success).</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(TableServiceClient service, string tableName, string policySet,
        string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (definitions, errors) = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return errors;
        }

        var options = new CorsPolicyOptions { TableName = tableName, PartitionKey = policySet };
        var table = service.GetTableClient(tableName);
        var auditTable = service.GetTableClient(options.AuditTableName);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await auditTable.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var pipeline = new PolicyWritePipeline(new TablePolicyStore(table, Options.Create(options)), new TablePolicyAuditLog(auditTable, policySet),
            TimeProvider.System, NullLogger<PolicyWritePipeline>.Instance);
        var writer = new PolicyWriter(PolicyWriterKinds.StorageCredential, "seeder", null, PolicyWriter.CliSource);
        foreach (var definition in definitions)
        {
            var result = await pipeline.SaveAsync(definition, WriteCondition.None, writer, cancellationToken).ConfigureAwait(false);
            if (result.Status != PolicyWriteStatus.Written)
            {
                return [$"{definition.Id}: changed by someone else while seeding ({result.Status}); run the seeder again."];
            }
        }

        return [];
    }

    /// <summary>Reads and validates every policy of <paramref name="file"/>.</summary>
    public static async Task<(IReadOnlyList<CorsPolicyDefinition> Definitions, IReadOnlyList<string> Errors)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var (list, problem) = await ManagementJson.ReadAsync<PolicyListDocument>(stream, cancellationToken).ConfigureAwait(false);
        if (problem?.Body is ProblemDocument document)
        {
            return ([], [$"{file}: {document.Title}: {document.Detail}"]);
        }

        var definitions = list!.Policies.Select(p => p.ToDefinition(p.Id ?? "")).ToList();
        var errors = definitions
            .SelectMany(d => PolicyWritePipeline.Validate(d).Select(e => $"{file}: policy '{d.Id}': {e}"))
            .Concat(definitions.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{file}: policy id '{g.Key}' appears more than once."))
            .ToList();
        return (definitions, errors);
    }
}
