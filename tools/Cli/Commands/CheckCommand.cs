using System.CommandLine;
using System.Text.Json;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli.Commands;

/// <summary>
/// <c>check</c>: the decision the app would take for a browser request, from the policies of a file or of the table,
/// through the management API's own <c>cors-check</c> logic (and so the middleware's decisions).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(PolicySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = new Option<string>("--path") { Description = "The request path, route prefix included (/api/items/42).", Required = true };
        var origin = new Option<string>("--origin") { Description = "The page's origin (https://app.example.com).", Required = true };
        var method = new Option<string?>("--method") { Description = "The method of the request; given, its preflight is decided too." };
        var headers = new Option<string[]>("--header") { Description = "A request header the page sets (repeat it for several).", AllowMultipleArgumentsPerToken = true };
        var privateNetwork = new Option<bool>("--private-network") { Description = "The preflight asks for private-network access." };
        var json = new Option<bool>("--json") { Description = "Write the decision as the JSON of POST cors-check." };
        var command = new Command("check", "Decide a browser request as the app would, from a file (--file) or the table. Exit 0 allowed, 1 refused.");
        command.Options.Add(path);
        command.Options.Add(origin);
        command.Options.Add(method);
        command.Options.Add(headers);
        command.Options.Add(privateNetwork);
        command.Options.Add(json);
        source.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var (policies, _) = await source.LoadAsync(parse, cancellationToken).ConfigureAwait(false);
            var snapshot = new PolicySnapshot(PolicySet.Create(policies.Select(p => p.Compile())), TimeProvider.System.GetUtcNow());
            var request = new CorsCheckRequest(parse.GetValue(path), parse.GetValue(origin), parse.GetValue(method), parse.GetValue(headers), parse.GetValue(privateNetwork));
            var answer = CorsCheckHandler.Explain(snapshot, request);
            if (parse.GetValue(json))
            {
                await output.Output.WriteLineAsync(JsonSerializer.Serialize(answer, CliJson.Output)).ConfigureAwait(false);
            }
            else
            {
                CheckReport.Write(answer, request, output.Output);
            }

            return (answer.Preflight ?? answer.ActualRequest).Allowed ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
