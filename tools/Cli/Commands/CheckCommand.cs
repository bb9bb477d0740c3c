using System.CommandLine;
using System.Text.Json;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Diagnostics;
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

            if (PrefixHint(snapshot, request, answer, HostRoutePrefix.Default) is { } hint)
            {
                await output.Error.WriteLineAsync(hint).ConfigureAwait(false);
            }

            return (answer.Preflight ?? answer.ActualRequest).Allowed ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }

    /// <summary>
    /// When no policy governs a path that lacks the host's route prefix, the path was most likely given as the function's
    /// route: the path a browser requests starts with the prefix, so the hint names that path and what governs it.
    /// </summary>
    private static string? PrefixHint(PolicySnapshot snapshot, CorsCheckRequest request, CorsCheckResponse answer, string routePrefix)
    {
        var path = request.Path ?? "";
        if (routePrefix.Length == 0 || path.Length == 0 || !path.StartsWith('/') || StartsWithSegment(path, routePrefix)
            || answer is not { Policy: null, ReportOnly: null })
        {
            return null;
        }

        var prefixed = $"/{routePrefix}{path}";
        var governing = CorsCheckHandler.Explain(snapshot, request with { Path = prefixed }).Policy is { } policy
            ? $" (policy {policy.Id} governs it)"
            : "";
        return $"note: no policy governs {path}, which lacks the host's route prefix '/{routePrefix}' that every function is served under: " +
            $"did you mean --path {prefixed}{governing}?";
    }

    private static bool StartsWithSegment(string path, string segment) =>
        path.Length > segment.Length && path.AsSpan(1).StartsWith(segment, StringComparison.OrdinalIgnoreCase)
        && (path.Length == segment.Length + 1 || path[segment.Length + 1] == '/');
}
