namespace CorsFunctions.Core.Lint;

/// <summary>
/// What is known of the app a policy is for. The route checks run only on what is known: the prefix check needs
/// <see cref="RoutePrefix"/>, the reachability and method checks need <see cref="Functions"/>.
/// </summary>
/// <param name="RoutePrefix">The host's route prefix (host.json <c>extensions.http.routePrefix</c>, <c>api</c> by default); null when unknown.</param>
/// <param name="Functions">The app's HTTP functions; null when unknown.</param>
public sealed record PolicyLintContext(string? RoutePrefix, IReadOnlyList<AppFunction>? Functions)
{
    /// <summary>Nothing is known of the app: only the checks of the policy alone run.</summary>
    public static PolicyLintContext Unknown { get; } = new(null, null);
}
