namespace CorsFunctions.Worker.Policies;

/// <summary>Where the request path gets the current snapshot (a volatile read, no I/O).</summary>
internal interface IPolicySnapshotSource
{
    /// <summary>The snapshot in force now.</summary>
    PolicySnapshot Current { get; }
}
