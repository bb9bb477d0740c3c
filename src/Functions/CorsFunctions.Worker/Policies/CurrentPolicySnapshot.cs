namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Holds the snapshot in force: <see cref="PolicySnapshot.NotLoaded"/> (every CORS request refused) until the
/// first load, then whatever <see cref="PolicySnapshotLoader"/> swapped in last, whole and atomically.
/// </summary>
internal sealed class CurrentPolicySnapshot : IPolicySnapshotSource, IPolicySnapshotReady
{
    private readonly TaskCompletionSource<PolicySnapshot> _firstLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PolicySnapshot _current = PolicySnapshot.NotLoaded;

    /// <inheritdoc />
    public PolicySnapshot Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public Task<PolicySnapshot> FirstLoaded => _firstLoaded.Task;

    /// <summary>Puts <paramref name="snapshot"/> in force for every request that starts from now on.</summary>
    public void Replace(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _current, snapshot);
        if (snapshot.IsLoaded)
        {
            _firstLoaded.TrySetResult(snapshot);
        }
    }
}
