using System.CommandLine;
using System.Text.Json;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli.Commands;

/// <summary>
/// <c>check</c>: the decision the app would take for a browser request, from the policies of a file or of the table,
/// through the management API's own <c>cors-check</c> logic (and so the middleware's decisions). Notes on standard
/// error name what the decision alone does not show: a path given without the route prefix, and (with <c>--app</c>)
/// a function that needs a key, whose refusal the browser never explains.
/// </summary>
internal static class CheckCommand
{
    /// <summary>The header a page sends a function key in.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    public static Command Create(PolicySource source, AppOptions app)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(app);
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
        app.AddTo(command);
        CliAction.Set(command, async (parse, output, cancellationToken) =>
        {
            var described = app.Read(parse);
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

            var routePrefix = described?.RoutePrefix ?? parse.GetValue(app.RoutePrefix)?.Trim('/') ?? HostRoutePrefix.Default;
            var notes = new[] { PrefixHint(snapshot, request, answer, routePrefix), described is null ? null : KeyNote(described, snapshot, request, answer) };
            foreach (var note in notes.OfType<string>())
            {
                await output.Error.WriteLineAsync(note).ConfigureAwait(false);
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

    /// <summary>
    /// The function-key trap: a function that needs a key answers a request without one with the host's 401, which
    /// carries no CORS header, so the browser reports only "Failed to fetch" whatever the policy says. The note names
    /// the functions serving the path and whether the policy lets the key through in <see cref="FunctionKeyHeader"/>.
    /// </summary>
    private static string? KeyNote(AppDescription app, PolicySnapshot snapshot, CorsCheckRequest request, CorsCheckResponse answer)
    {
        if (!RoutePattern.TryParse(request.Path?.Split('?')[0], out var pattern, out _) || pattern is null)
        {
            return null;
        }

        var keyed = app.Functions
            .Where(f => f.NeedsKey && f.PathUnder(app.RoutePrefix).Overlaps(pattern)
                && (request.Method is null || f.Methods.Count == 0 || f.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)))
            .Select(f => $"{f.Name} (auth level {f.AuthLevel})")
            .ToList();
        if (keyed.Count == 0)
        {
            return null;
        }

        var header = answer.Policy is not { } policy ? "" : KeyHeaderDecision(snapshot, request) switch
        {
            { Allowed: true } => $"; policy {policy.Id} allows that header",
            { Reason: CorsRejection.HeaderNotAllowed } => $"; policy {policy.Id} refuses that header in a preflight: add {FunctionKeyHeader} to its allowedHeaders",
            _ => "",
        };
        return $"note: {string.Join(", ", keyed)} {(keyed.Count == 1 ? "serves" : "serve")} {request.Path} and {(keyed.Count == 1 ? "needs" : "need")} a function key: " +
            "a request without it gets the host's 401 with no CORS header, which the browser reports only as \"Failed to fetch\". " +
            $"Send it as ?code= or in the {FunctionKeyHeader} header{header} (docs/troubleshooting.md#function-keys).";
    }

    /// <summary>The preflight of the same request with the key header added (a header forces a preflight).</summary>
    private static CorsCheckDecision? KeyHeaderDecision(PolicySnapshot snapshot, CorsCheckRequest request) =>
        CorsCheckHandler.Explain(snapshot, request with { Method = request.Method ?? "GET", Headers = [.. request.Headers ?? [], FunctionKeyHeader] }).Preflight;
}
