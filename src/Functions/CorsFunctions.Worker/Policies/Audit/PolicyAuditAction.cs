namespace CorsFunctions.Worker.Policies.Audit;

/// <summary>What a recorded write did.</summary>
internal enum PolicyAuditAction
{
    /// <summary>Created or replaced the policy.</summary>
    Put,

    /// <summary>Deleted the policy.</summary>
    Delete,

    /// <summary>Restored the definition an earlier version left behind.</summary>
    Rollback,
}
