namespace CorsFunctions.Cli;

/// <summary>What a push would do to one policy.</summary>
internal enum PolicyChangeKind
{
    /// <summary>In the file, not in the table: created.</summary>
    Added,

    /// <summary>In both, different: replaced.</summary>
    Changed,

    /// <summary>In the table, not in the file: deleted only by <c>push --prune</c>.</summary>
    OnlyInTable,

    /// <summary>In both, the same: not written.</summary>
    Unchanged,
}
