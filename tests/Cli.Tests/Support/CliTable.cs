using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Support;

/// <summary>A fresh table in Azurite and the tool options that name it.</summary>
internal sealed class CliTable(AzuriteFixture azurite, string name)
{
    public const string PolicySet = "default";

    public TableClient Client { get; } = new TableServiceClient(azurite.ConnectionString).GetTableClient(name);

    public string[] Options => ["--connection-string", azurite.ConnectionString, "--table", name, "--policy-set", PolicySet];

    /// <summary>A name for a table that does not exist yet.</summary>
    public static CliTable New(AzuriteFixture azurite) => new(azurite, "T" + Guid.NewGuid().ToString("N")[..20]);

    /// <summary>The rows of the set, as a comparable text (to prove nothing changed).</summary>
    public async Task<string> RowsAsync()
    {
        try
        {
            var rows = new List<string>();
            await foreach (var entity in Client.QueryAsync<TableEntity>(e => e.PartitionKey == PolicySet))
            {
                rows.Add($"{entity.RowKey} {entity.ETag} {string.Join(";", entity.Where(p => p.Key != "Timestamp").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
            }

            return string.Join("\n", rows.Order(StringComparer.Ordinal));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return "(no table)";
        }
    }
}
