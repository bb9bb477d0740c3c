using System.CommandLine;
using Azure.Data.Tables;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// The options that say which policy set to reach: Azurite or an account with <c>--connection-string</c>, Azure
/// with <c>--table-service-uri</c> and <c>DefaultAzureCredential</c> (az login, a managed identity...), the table and the set.
/// </summary>
/// <param name="clientOptions">The Azure SDK client options (retries, pipeline policies) of every table call.</param>
internal sealed class TableOptions(TableClientOptions clientOptions)
{
    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "A storage connection string (Azurite: UseDevelopmentStorage=true).",
    };

    public Option<string?> TableServiceUri { get; } = new("--table-service-uri")
    {
        Description = "https://<account>.table.core.windows.net, reached with DefaultAzureCredential.",
    };

    public Option<string> Table { get; } = new("--table")
    {
        Description = "The policy table.",
        DefaultValueFactory = _ => new CorsPolicyOptions().TableName,
    };

    public Option<string> PolicySet { get; } = new("--policy-set")
    {
        Description = "The policy set (PartitionKey) the app serves.",
        DefaultValueFactory = _ => new CorsPolicyOptions().PartitionKey,
    };

    public Option<string> AuditTable { get; } = new("--audit-table")
    {
        Description = "The audit table (CorsPolicies__AuditTableName of the app).",
        DefaultValueFactory = _ => new CorsPolicyOptions().AuditTableName,
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConnectionString);
        command.Options.Add(TableServiceUri);
        command.Options.Add(Table);
        command.Options.Add(PolicySet);
        command.Options.Add(AuditTable);
    }

    /// <summary>Whether a table was named (either way of reaching one).</summary>
    public bool IsGiven(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(ConnectionString) is not null || parse.GetValue(TableServiceUri) is not null;
    }

    /// <summary>The policy set the options name, through the library's own client factory; a usage error when they name none or both.</summary>
    public PolicyTable Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var (connectionString, serviceUri) = (parse.GetValue(ConnectionString), parse.GetValue(TableServiceUri));
        if (string.IsNullOrWhiteSpace(connectionString) == string.IsNullOrWhiteSpace(serviceUri))
        {
            throw new CliException("Name the table with exactly one of --connection-string (Azurite: UseDevelopmentStorage=true) or --table-service-uri (Azure, with DefaultAzureCredential).");
        }

        Uri? uri = null;
        if (serviceUri is not null && !(Uri.TryCreate(serviceUri, UriKind.Absolute, out uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            throw new CliException($"--table-service-uri must be an absolute https URI such as https://<account>.table.core.windows.net, not '{serviceUri}'.");
        }

        var options = new CorsPolicyOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = uri,
            TableName = parse.GetValue(Table)!,
            PartitionKey = parse.GetValue(PolicySet)!,
            AuditTableName = parse.GetValue(AuditTable)!,
        };

        try
        {
            var credential = PolicyServiceCollectionExtensions.CreateCredential(options);
            return new PolicyTable(PolicyServiceCollectionExtensions.CreateServiceClient(options, clientOptions, credential), options, credential);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // The SDK's message may quote part of the string (a key), so it is not repeated.
            throw new CliException("--connection-string is not a storage connection string: give Key=Value pairs separated by ';' " +
                "(DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net, or TableEndpoint=...;SharedAccessSignature=...), " +
                "or UseDevelopmentStorage=true for Azurite.");
        }
    }
}
