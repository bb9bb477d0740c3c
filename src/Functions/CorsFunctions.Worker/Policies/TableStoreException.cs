namespace CorsFunctions.Worker.Policies;

/// <summary>
/// A store failure and the table it happened on. A table class wraps what its table client throws in one (through
/// <see cref="TableCalls"/>), so that an answer or a message names the table that failed, the policy table or the
/// audit table, instead of assuming one. <see cref="StoreFailures"/> classifies it by its inner exception.
/// </summary>
internal sealed class TableStoreException : Exception
{
    public TableStoreException()
    {
    }

    public TableStoreException(string message)
        : base(message)
    {
    }

    public TableStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The table the failed call was made on.</summary>
    public string TableName { get; private init; } = "";

    /// <summary>The failure <paramref name="innerException"/> of a call on <paramref name="tableName"/>.</summary>
    public static TableStoreException On(string tableName, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return new TableStoreException($"Table {tableName}: {innerException.Message}", innerException) { TableName = tableName };
    }
}
