using CorsFunctions.Core.Routing;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The policies in force, as last loaded from the store: immutable, swapped whole by the refresher.
/// The request path reads only this, never the store.
/// </summary>
/// <param name="Policies">The compiled policy set.</param>
/// <param name="LoadedAt">When it was read from the store; null before the first successful load.</param>
internal sealed record PolicySnapshot(PolicySet Policies, DateTimeOffset? LoadedAt)
{
    /// <summary>The snapshot before any load succeeded: no policy, so every CORS request is refused (fail closed).</summary>
    public static PolicySnapshot NotLoaded { get; } = new(PolicySet.Empty, null);

    /// <summary>Whether a load has ever succeeded.</summary>
    public bool IsLoaded => LoadedAt is not null;
}
