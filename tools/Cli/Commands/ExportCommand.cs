using System.CommandLine;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Cli.Commands;

/// <summary>
/// <c>export --format apim</c>: the API Management <c>cors</c> policy of each valid, enforced, enabled policy, with
/// what it cannot express on standard error. Refuses an invalid set: an export never carries a policy the app would refuse.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(PolicySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var format = new Option<string>("--format") { Description = "The output format: apim (Azure API Management cors policy XML).", Required = true };
        format.AcceptOnlyFromAmong("apim");
        var policy = new Option<string?>("--policy") { Description = "Export this policy only (to standard output unless --output-dir)." };
        var outputDir = new Option<DirectoryInfo?>("--output-dir") { Description = "Write one <id>.apim.xml per policy into this folder." };
        var command = new Command("export", "Write the API Management cors policy equivalent to each policy (for Flex Consumption, where the host answers preflights).");
        command.Options.Add(format);
        command.Options.Add(policy);
        command.Options.Add(outputDir);
        source.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var (policies, where) = await source.LoadAsync(parse, cancellationToken).ConfigureAwait(false);
            if (!PolicyValidation.Report(policies, where, TextWriter.Null, output.Error, lint: null).Valid)
            {
                throw new CliException(ExitCodes.Refused, $"{where} has invalid policies (listed above); nothing was exported.");
            }

            var selected = Select(policies.Select(p => p.Definition), parse.GetValue(policy), output.Error);
            var directory = parse.GetValue(outputDir);
            if (directory is null && selected.Count != 1)
            {
                throw new CliException($"{Counted.Policies(selected.Count)} to export: name one with --policy, or give --output-dir for one file each.");
            }

            foreach (var definition in selected)
            {
                var (document, warnings) = ApimExport.Export(definition);
                foreach (var warning in warnings)
                {
                    await output.Error.WriteLineAsync($"{definition.Id}: {warning}").ConfigureAwait(false);
                }

                if (directory is null)
                {
                    await output.Output.WriteLineAsync(document.ToString()).ConfigureAwait(false);
                }
                else
                {
                    directory.Create();
                    var file = new FileInfo(Path.Combine(directory.FullName, $"{definition.Id}.apim.xml"));
                    await OutputFiles.WriteAsync(file, document.ToString(), cancellationToken).ConfigureAwait(false);
                    await output.Output.WriteLineAsync($"{definition.Id}: written to {file.FullName}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static List<CorsPolicyDefinition> Select(IEnumerable<CorsPolicyDefinition> definitions, string? id, TextWriter error)
    {
        var candidates = definitions.Where(d => id is null || string.Equals(d.Id, id, StringComparison.Ordinal)).ToList();
        if (id is not null && candidates.Count == 0)
        {
            throw new CliException(ExitCodes.Refused, $"there is no policy '{id}'.");
        }

        foreach (var skipped in candidates.Where(d => !d.Enabled || d.Mode != PolicyMode.Enforce))
        {
            error.WriteLine($"{skipped.Id}: skipped: {(skipped.Enabled ? "report-only (API Management has no report-only mode)" : "disabled")}.");
        }

        return [.. candidates.Where(d => d.Enabled && d.Mode == PolicyMode.Enforce)];
    }
}
