using CorsFunctions.Core.Lint;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// What <see cref="PolicyLinter"/> knows of this app: the host's route prefix and the app's own HTTP functions, read
/// once from the metadata the worker reports to the host. Used by the start-up log and the management API's answers.
/// Without a metadata manager (a container that is not a Functions worker) the app is <see cref="PolicyLintContext.Unknown"/>.
/// </summary>
internal sealed class AppLintContext(IFunctionMetadataManager? metadata, FunctionAppEnvironment app)
{
    private readonly Lazy<Task<PolicyLintContext>> _context = new(() => ReadAsync(metadata, app));

    /// <summary>The app as the linter sees it; <see cref="PolicyLintContext.Unknown"/> when its metadata cannot be read.</summary>
    public Task<PolicyLintContext> GetAsync() => _context.Value;

    /// <summary>The context of <paramref name="functions"/> served under <paramref name="routePrefix"/>.</summary>
    public static PolicyLintContext From(IReadOnlyList<HttpFunction> functions, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return new PolicyLintContext(routePrefix, [.. functions.Select(f => f.Under(routePrefix))]);
    }

    private static async Task<PolicyLintContext> ReadAsync(IFunctionMetadataManager? metadata, FunctionAppEnvironment app)
    {
        if (metadata is null)
        {
            return PolicyLintContext.Unknown;
        }

        try
        {
            var functions = HttpFunctionReader.Read(await metadata.GetFunctionMetadataAsync(app.Directory).ConfigureAwait(false));
            return From(functions, app.ReadRoutePrefix());
        }
#pragma warning disable CA1031 // Warnings are advice: an app whose metadata cannot be read is linted on the policy alone.
        catch (Exception)
#pragma warning restore CA1031
        {
            return PolicyLintContext.Unknown;
        }
    }
}

