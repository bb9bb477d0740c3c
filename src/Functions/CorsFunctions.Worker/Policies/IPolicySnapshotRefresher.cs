namespace CorsFunctions.Worker.Policies;

/// <summary>Reloads the policy snapshot on demand, e.g. right after the management API wrote a policy.</summary>
internal interface IPolicySnapshotRefresher
{
    /// <summary>Reloads now; false when the store could not be read (the previous snapshot stays).</summary>
    Task<bool> RefreshAsync(CancellationToken cancellationToken);
}
