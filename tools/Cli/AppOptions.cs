using System.CommandLine;
using CorsFunctions.Core.Lint;

namespace CorsFunctions.Cli;

/// <summary>
/// The options that tell the tool about the app a policy set is for (<c>--app</c>, or <c>--route-prefix</c> alone),
/// so it lints and checks as the app's start-up does; without them, only what a policy says by itself is checked.
/// </summary>
internal sealed class AppOptions
{
    public Option<DirectoryInfo?> App { get; } = new("--app")
    {
        Description = $"The app's build or publish folder ({AppDescription.MetadataFile} and host.json): policies are checked against its route prefix and HTTP functions.",
    };

    public Option<string?> RoutePrefix { get; } = new("--route-prefix")
    {
        Description = "The host's route prefix (host.json extensions.http.routePrefix, 'api' by default), when --app is not given: routes are checked against it.",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(App);
        command.Options.Add(RoutePrefix);
    }

    /// <summary>The app in <c>--app</c>, or null.</summary>
    public AppDescription? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(App) is not { } folder)
        {
            return null;
        }

        return parse.GetValue(RoutePrefix) is null
            ? AppDescription.Read(folder)
            : throw new CliException("Give either --app (which reads the route prefix from host.json) or --route-prefix, not both.");
    }

    /// <summary>What the linter knows: the app of <c>--app</c>, else the prefix of <c>--route-prefix</c>, else nothing.</summary>
    public PolicyLintContext LintContext(AppDescription? app, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return app?.LintContext
            ?? (parse.GetValue(RoutePrefix) is { } prefix ? new PolicyLintContext(prefix.Trim('/'), null) : PolicyLintContext.Unknown);
    }
}
