namespace CorsFunctions.Worker.Policies;

/// <summary>What became of a write through the <see cref="PolicyWritePipeline"/>.</summary>
internal enum PolicyWriteStatus
{
    /// <summary>Written (or deleted) and recorded.</summary>
    Written,

    /// <summary>Refused by validation: nothing was written.</summary>
    Invalid,

    /// <summary>The caller's condition did not hold, or the row changed meanwhile: nothing was written.</summary>
    PreconditionFailed,

    /// <summary>There is no such policy: nothing was written.</summary>
    NotFound,

    /// <summary>A rollback named a version the audit log does not hold: nothing was written.</summary>
    VersionNotFound,

    /// <summary>A rollback named a version that deleted the policy, so it left nothing to restore: nothing was written.</summary>
    VersionNotRestorable,

    /// <summary>A rollback named a version whose audit chain does not verify (<see cref="PolicyWriteResult.Break"/>): nothing was written.</summary>
    ChainBroken,
}
