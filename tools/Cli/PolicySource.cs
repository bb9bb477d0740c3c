using System.CommandLine;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>Where a command reads policies from: <c>--file</c>, else the table the <see cref="TableOptions"/> name.</summary>
internal sealed class PolicySource(TableOptions table)
{
    public Option<FileInfo?> File { get; } = new("--file")
    {
        Description = "A policy file ({ \"policies\": [...] }); without it, the policies in the table.",
    };

    /// <summary>The table options, for commands that read from the table.</summary>
    public TableOptions Table => table;

    /// <summary>Adds <c>--file</c> and the table options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(File);
        table.AddTo(command);
    }

    /// <summary>The policies, and a description of where they came from for messages.</summary>
    public async Task<(IReadOnlyList<StoredPolicy> Policies, string Where)> LoadAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(File) is { } file)
        {
            if (table.IsGiven(parse))
            {
                throw new CliException("Give either --file or a table (--connection-string / --table-service-uri), not both.");
            }

            return (await PolicyFile.ReadAsync(file.FullName, cancellationToken).ConfigureAwait(false), file.Name);
        }

        var policyTable = table.Connect(parse);
        return (await policyTable.ListAsync(cancellationToken).ConfigureAwait(false), policyTable.Name);
    }
}
