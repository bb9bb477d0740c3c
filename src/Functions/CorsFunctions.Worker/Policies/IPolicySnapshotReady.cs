namespace CorsFunctions.Worker.Policies;

/// <summary>Tells when the first snapshot was read from the store, for what must wait for real policies.</summary>
internal interface IPolicySnapshotReady
{
    /// <summary>Completes with the first snapshot loaded from the store; never completes while the store cannot be read.</summary>
    Task<PolicySnapshot> FirstLoaded { get; }
}
