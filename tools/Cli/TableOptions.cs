using System.CommandLine;
using Azure.Data.Tables;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// The options that say which policy set to reach: Azurite or an account with a connection string, Azure with
/// <c>--table-service-uri</c> and <c>DefaultAzureCredential</c> (az login, a managed identity...), the table and the set.
/// A connection string holds a secret, so besides <c>--connection-string</c> (seen in shell history and <c>ps</c>) it
/// can come from standard input (<c>--connection-string -</c>) or from <see cref="ConnectionStringVariable"/>, read
/// only when neither <c>--connection-string</c> nor <c>--table-service-uri</c> is given: the command line wins.
/// </summary>
/// <param name="clientOptions">The Azure SDK client options (retries, pipeline policies) of every table call.</param>
/// <param name="environment">Standard input and the environment variables.</param>
internal sealed class TableOptions(TableClientOptions clientOptions, CliEnvironment environment)
{
    /// <summary>The environment variable a connection string is read from when the command line names no table.</summary>
    public const string ConnectionStringVariable = "CORSFUNCTIONS_CONNECTION_STRING";

    /// <summary>The <c>--connection-string</c> value that reads the connection string from the first line of standard input.</summary>
    public const string FromStandardInput = "-";

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = $"A storage connection string (Azurite: UseDevelopmentStorage=true); '{FromStandardInput}' reads it from the first line of standard input. " +
            $"Without this option and --table-service-uri: the environment variable {ConnectionStringVariable}.",
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

    /// <summary>Whether a table was named on the command line (either way of reaching one; the environment variable does not count).</summary>
    public bool IsGiven(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(ConnectionString) is not null || parse.GetValue(TableServiceUri) is not null;
    }

    /// <summary>The policy set the options name, through the library's own client factory; a usage error when they name none or both.</summary>
    public PolicyTable Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var serviceUri = parse.GetValue(TableServiceUri);
        var (connectionString, source) = ConnectionStringOf(parse, serviceUri);
        if (string.IsNullOrWhiteSpace(connectionString) == string.IsNullOrWhiteSpace(serviceUri))
        {
            throw new CliException("Name the table with exactly one of --connection-string (Azurite: UseDevelopmentStorage=true; '-' reads it from standard input) " +
                $"or --table-service-uri (Azure, with DefaultAzureCredential), or set {ConnectionStringVariable}.");
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
            throw new CliException($"{source} is not a storage connection string: give Key=Value pairs separated by ';', with AccountName and AccountKey " +
                "(and DefaultEndpointsProtocol, EndpointSuffix or TableEndpoint), or TableEndpoint and SharedAccessSignature, or UseDevelopmentStorage=true for Azurite.");
        }
    }

    /// <summary>The connection string and, for messages, where it came from: the option, standard input, or the environment variable.</summary>
    private (string? Value, string Source) ConnectionStringOf(ParseResult parse, string? serviceUri)
    {
        var given = parse.GetValue(ConnectionString);
        if (given == FromStandardInput)
        {
            var line = environment.Input.ReadLine();
            return string.IsNullOrWhiteSpace(line)
                ? throw new CliException($"--connection-string {FromStandardInput}: standard input holds no connection string; give it on the first line.")
                : (line.Trim(), "the connection string read from standard input");
        }

        if (given is not null || serviceUri is not null)
        {
            return (given, "--connection-string");
        }

        return (environment.Variable(ConnectionStringVariable), ConnectionStringVariable);
    }
}
