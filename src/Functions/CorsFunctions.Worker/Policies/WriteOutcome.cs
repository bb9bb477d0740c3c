namespace CorsFunctions.Worker.Policies;

/// <summary>What became of a write.</summary>
internal enum WriteOutcome
{
    /// <summary>Written (or deleted).</summary>
    Done,

    /// <summary>The condition did not hold, or the row changed while being written.</summary>
    PreconditionFailed,

    /// <summary>There is no such policy.</summary>
    NotFound,
}
